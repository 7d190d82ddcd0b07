-- Triage: assignment, risk ordering, the timeline, internal notes, counts
-- per status, staff account security (password links, TOTP, recovery codes,
-- sign-in throttling) and the mail outbox.

ALTER TABLE users
    ADD COLUMN display_name TEXT NOT NULL DEFAULT '',
    ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr')),
    ADD COLUMN on_duty BOOLEAN NOT NULL DEFAULT FALSE,
    -- The TOTP secret, sealed under a master key (id kept beside it).
    ADD COLUMN totp_key_id TEXT,
    ADD COLUMN totp_secret BYTEA,
    ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    -- The last time step accepted, so that a code cannot be replayed.
    ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Sign-in throttling per account name. Keyed by a keyed hash of the email
-- address as typed, so that unknown addresses are throttled exactly like
-- known ones (the throttle does not reveal which accounts exist).
CREATE TABLE login_throttles (
    key BYTEA PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    window_start TIMESTAMPTZ NOT NULL DEFAULT now(),
    throttled_until TIMESTAMPTZ
);

ALTER TABLE cases
    ADD COLUMN assignee_id BIGINT REFERENCES users (id),
    ADD COLUMN risk_rank SMALLINT GENERATED ALWAYS AS (
        CASE risk WHEN 'urgent' THEN 0 WHEN 'elevated' THEN 1 ELSE 2 END
    ) STORED;

-- Indexes that match the queue's filters and orders: each lets PostgreSQL
-- walk one filter in key order and stop after a page.
CREATE INDEX cases_status_id ON cases (status, id);
CREATE INDEX cases_risk_id ON cases (risk_rank, id);
CREATE INDEX cases_assignee_id ON cases (assignee_id, id);
CREATE INDEX cases_community_id ON cases (community, id);
CREATE INDEX cases_received_at ON cases (received_at, id);
CREATE INDEX cases_kinds ON cases USING GIN (kinds);

-- Counts per status, kept by statement-level triggers so that the queue
-- never counts a million rows.
CREATE TABLE case_status_counts (
    status TEXT PRIMARY KEY,
    n BIGINT NOT NULL DEFAULT 0
);
INSERT INTO case_status_counts (status, n)
SELECT s, (SELECT count(*) FROM cases WHERE cases.status = s)
FROM unnest(ARRAY['new', 'triaged', 'in_progress', 'referred', 'closed']) AS s;

CREATE FUNCTION case_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE case_status_counts c SET n = c.n - d.k
        FROM (SELECT status, count(*) AS k FROM old_rows GROUP BY status) d
        WHERE c.status = d.status;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE case_status_counts c SET n = c.n + d.k
        FROM (SELECT status, count(*) AS k FROM new_rows GROUP BY status) d
        WHERE c.status = d.status;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_status_counts_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();
CREATE TRIGGER case_status_counts_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();
CREATE TRIGGER case_status_counts_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();

-- Everything that happened to a case, for its timeline. `detail` holds
-- codes only (a status, a risk level), never content.
CREATE TABLE case_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES users (id),
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_id ON case_events (case_id, id);

-- Internal notes, sealed with the case's data key.
CREATE TABLE case_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    public_id TEXT NOT NULL UNIQUE,
    author_id BIGINT NOT NULL REFERENCES users (id),
    body BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_id ON case_notes (case_id, id);

-- Single-use links to set or reset a password; only the digest is stored.
CREATE TABLE password_links (
    token_digest BYTEA PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX password_links_user_id ON password_links (user_id);

-- Recovery codes for two-factor sign-in, Argon2id-hashed, each usable once.
CREATE TABLE recovery_codes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMPTZ
);
CREATE INDEX recovery_codes_user_id ON recovery_codes (user_id);

-- The mail outbox: written in the transaction of the change that causes a
-- message, delivered by the mail worker. Never holds report content: only
-- the recipient (a staff or group address), the kind of message and
-- non-secret parameters such as a link.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    template TEXT NOT NULL,
    language TEXT NOT NULL,
    params JSONB NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_status_id ON outbox (status, id);

-- A message that must carry a secret (a set-password link) holds it sealed
-- under a master key until it is sent, then the secret is erased.
ALTER TABLE outbox
    ADD COLUMN secret_key_id TEXT,
    ADD COLUMN secret_params BYTEA;
