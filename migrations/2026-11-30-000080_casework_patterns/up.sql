-- Casework that sees patterns: linked cases, deadlines and activity, and
-- what the reporter is told about who read their report.

-- Linked cases -------------------------------------------------------------
-- The key of the identifiers' blind indexes: 32 random bytes sealed to a
-- casework team key (under the master key's outer layer), so it opens only
-- for a caseworker or admin. One row; made by the first one who needs it.
CREATE TABLE link_keys (
    id SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    master_key_id TEXT NOT NULL,
    team_key_id BIGINT NOT NULL REFERENCES shared_keys (id),
    sealed BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now())
);

-- The blind indexes of the identifiers a case names (phone numbers, email
-- addresses, handles, plates): HMAC-SHA256 of each normalised value under
-- the link key. Never the value, nor its kind.
CREATE TABLE case_identifiers (
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    digest BYTEA NOT NULL,
    PRIMARY KEY (case_id, digest)
);
CREATE INDEX case_identifiers_digest ON case_identifiers (digest, case_id);

-- Cases whose identifiers are not indexed yet: a report is filed with no
-- one's key at hand, so a caseworker's or admin's session indexes it.
CREATE TABLE link_pending (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE
);
INSERT INTO link_pending (case_id) SELECT id FROM cases;

-- A caseworker's decision on a pair of cases that share an identifier.
CREATE TABLE case_links (
    case_a BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    case_b BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (case_a, case_b),
    CHECK (case_a < case_b)
);
CREATE INDEX case_links_case_b ON case_links (case_b);

-- Whether a case shares an identifier with another case (a link not
-- dismissed): kept by the application, for the queue's filter.
ALTER TABLE cases ADD COLUMN linked BOOLEAN NOT NULL DEFAULT false;

-- Deadlines and activity ------------------------------------------------------
-- The dates promised to the reporter at filing (first acknowledgement and
-- first substantive response), when each was met, the reporter's last
-- reply or evidence (to the hour) and whether its assignee has seen it.
ALTER TABLE cases
    ADD COLUMN ack_due_at TIMESTAMPTZ,
    ADD COLUMN response_due_at TIMESTAMPTZ,
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN responded_at TIMESTAMPTZ,
    ADD COLUMN unread_since TIMESTAMPTZ,
    ADD COLUMN last_activity_at TIMESTAMPTZ,
    ADD COLUMN attention_at TIMESTAMPTZ;

-- When a case next needs attention: an unread reply, or the deadline not
-- yet met; none once closed. Kept by a trigger, for the queue's order.
CREATE FUNCTION case_attention() RETURNS trigger AS $$
BEGIN
    NEW.attention_at := CASE WHEN NEW.status = 'closed' THEN NULL ELSE
        LEAST(NEW.unread_since,
              CASE WHEN NEW.acknowledged_at IS NULL THEN NEW.ack_due_at
                   WHEN NEW.responded_at IS NULL THEN NEW.response_due_at END)
    END;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_attention BEFORE INSERT OR UPDATE OF
    status, unread_since, acknowledged_at, responded_at, ack_due_at, response_due_at
    ON cases FOR EACH ROW EXECUTE FUNCTION case_attention();

-- Cases from before: the default targets; acknowledged at the first message
-- to the reporter; answered if already past triage (the day is not known:
-- the day received stands for it).
UPDATE cases SET
    ack_due_at = received_at + interval '7 days',
    response_due_at = received_at + interval '30 days',
    acknowledged_at = (SELECT min(m.created_at) FROM case_messages m
                       WHERE m.case_id = cases.id AND m.sender = 'staff'),
    responded_at = CASE WHEN status IN ('in_progress', 'referred', 'closed')
                        THEN received_at END,
    last_activity_at = (SELECT date_trunc('hour', max(m.created_at)) FROM case_messages m
                        WHERE m.case_id = cases.id AND m.sender = 'reporter');

-- What the reporter is told of who read their report -------------------------
-- Opened by a caseworker or an admin (the role, never who), shared with a
-- partner group, accepted by it: one row per kind, role or group, and day.
CREATE TABLE case_access (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('opened', 'shared', 'accepted')),
    role TEXT CHECK (role IN ('caseworker', 'admin')),
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    UNIQUE NULLS NOT DISTINCT (case_id, kind, role, organisation_id, day)
);
CREATE INDEX case_access_organisation ON case_access (organisation_id) WHERE organisation_id IS NOT NULL;
