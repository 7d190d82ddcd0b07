DROP INDEX cases_status_received_id;
DROP INDEX cases_risk_received_id;

DELETE FROM reporter_sessions;
ALTER TABLE reporter_sessions DROP COLUMN opened_hour, DROP COLUMN clock;
ALTER TABLE reporter_sessions
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now();

DROP INDEX outbox_sent_at;
DROP INDEX outbox_one_per_slot;
ALTER TABLE outbox DROP COLUMN slot_at;

DO $$
DECLARE
    t TEXT;
    next_id BIGINT;
BEGIN
    FOREACH t IN ARRAY ARRAY['cases', 'case_events', 'case_messages', 'evidence', 'outbox'] LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN id DROP DEFAULT', t);
        EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', t) INTO next_id;
        EXECUTE format(
            'ALTER TABLE %I ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (START WITH %s)',
            t, next_id);
    END LOOP;
END $$;

DROP FUNCTION haven_random_id();
