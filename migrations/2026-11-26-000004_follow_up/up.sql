-- The reporter's side: messages between caseworkers and the reporter
-- (sealed with the case's data key), short server-side sessions opened with
-- reference and receipt, and deletion requests with a grace period.

CREATE TABLE case_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    public_id TEXT NOT NULL UNIQUE,
    -- 'staff' (to the reporter) or 'reporter' (from the reporter).
    sender TEXT NOT NULL CHECK (sender IN ('staff', 'reporter')),
    author_id BIGINT REFERENCES users (id),
    body BYTEA NOT NULL,
    -- Coarse, like every time about a reporter.
    created_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('minute', now())
);
CREATE INDEX case_messages_case_id ON case_messages (case_id, id);

-- A reporter's visit: the cookie holds a random token, this table its
-- digest and the case it opens. Nothing about the visitor.
CREATE TABLE reporter_sessions (
    token_digest BYTEA PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reporter_sessions_case_id ON reporter_sessions (case_id);

-- A reporter's request to delete their report takes effect at this time
-- unless they cancel it first; a caseworker can carry it out sooner.
ALTER TABLE cases ADD COLUMN deletion_due_at TIMESTAMPTZ;
CREATE INDEX cases_deletion_due_at ON cases (deletion_due_at) WHERE deletion_due_at IS NOT NULL;
