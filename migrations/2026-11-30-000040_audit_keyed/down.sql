DROP INDEX audit_log_one_successor;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_known;
ALTER TABLE audit_log DROP COLUMN chain;
ALTER TABLE audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(
    pg_get_serial_sequence('audit_log', 'id'),
    coalesce((SELECT max(id) FROM audit_log), 0) + 1,
    false
);

CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT convert_to(
        r.id::text || '|' ||
        ((extract(epoch FROM r.at) * 1000000)::bigint)::text || '|' ||
        coalesce(r.actor_id::text, '') || '|' ||
        r.action || '|' || r.target_type || '|' || r.target_id || '|' || r.detail,
        'UTF8')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('haven.audit_log'));
    SELECT hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(previous, '\x'::bytea);
    NEW.hash := sha256(NEW.prev_hash || audit_log_canonical(NEW));
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
