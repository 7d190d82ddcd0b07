-- No exact time of a reporter's action anywhere, not even in the order of
-- ids. Rows a reporter's action writes (cases, their events, messages and
-- evidence, and the emails they cause) take random ids instead of a
-- sequence: a sequence number between two staff rows would date them.
CREATE FUNCTION haven_random_id() RETURNS BIGINT LANGUAGE sql VOLATILE AS $$
    SELECT (('x' || translate(gen_random_uuid()::text, '-', ''))::bit(64)::bigint)
        & 9223372036854775807
$$;

ALTER TABLE cases ALTER COLUMN id DROP IDENTITY;
ALTER TABLE cases ALTER COLUMN id SET DEFAULT haven_random_id();
ALTER TABLE case_events ALTER COLUMN id DROP IDENTITY;
ALTER TABLE case_events ALTER COLUMN id SET DEFAULT haven_random_id();
ALTER TABLE case_messages ALTER COLUMN id DROP IDENTITY;
ALTER TABLE case_messages ALTER COLUMN id SET DEFAULT haven_random_id();
ALTER TABLE evidence ALTER COLUMN id DROP IDENTITY;
ALTER TABLE evidence ALTER COLUMN id SET DEFAULT haven_random_id();
ALTER TABLE outbox ALTER COLUMN id DROP IDENTITY;
ALTER TABLE outbox ALTER COLUMN id SET DEFAULT haven_random_id();

-- Notifications leave on fixed slots: a row waits for its slot, and one
-- recipient gets at most one message of a kind per slot.
ALTER TABLE outbox ADD COLUMN slot_at TIMESTAMPTZ;
CREATE UNIQUE INDEX outbox_one_per_slot ON outbox (recipient, template, slot_at);
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE status = 'sent';

-- Emails link to lists, never to a case.
UPDATE outbox SET params = jsonb_set(params, '{path}', '"/staff/cases"')
    WHERE template = 'referral_answered';

-- A reporter's visit keeps its clock sealed (the idle and absolute limits
-- need exact times; a copy of the database must not show them) and the
-- hour it was opened in clear, to clear abandoned rows. Visits in progress
-- end.
DELETE FROM reporter_sessions;
ALTER TABLE reporter_sessions DROP COLUMN created_at, DROP COLUMN last_seen_at;
ALTER TABLE reporter_sessions
    ADD COLUMN opened_hour TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now()),
    ADD COLUMN clock BYTEA NOT NULL;

-- The queue is ordered by the hour received, then by the (random) id.
CREATE INDEX cases_risk_received_id ON cases (risk_rank, received_at DESC, id DESC);
CREATE INDEX cases_status_received_id ON cases (status, received_at, id);
