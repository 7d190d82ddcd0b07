-- Protection of data: a tamper-evident, append-only audit log, and the
-- time a case was closed (for retention).

ALTER TABLE cases ADD COLUMN closed_at TIMESTAMPTZ;
UPDATE cases SET closed_at = now() WHERE status = 'closed';
CREATE INDEX cases_closed_at ON cases (closed_at) WHERE closed_at IS NOT NULL;

-- Every staff view and change of a case, referral, user or setting: who,
-- what, when — ids and codes only, never content. Each row carries the
-- SHA-256 of its own fields and its predecessor's hash, computed here in
-- PostgreSQL under a lock, so the chain has one order even with many
-- instances writing; `haven audit verify` recomputes it.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id BIGINT,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    prev_hash BYTEA NOT NULL DEFAULT '\x'::bytea,
    hash BYTEA NOT NULL DEFAULT '\x'::bytea
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);

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

-- Append-only, enforced here and not only in the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
