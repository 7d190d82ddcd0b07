-- The foundation: partner groups, staff, their sessions, cases and evidence.
-- Columns that hold report content, contact details or evidence are BYTEA
-- ciphertext sealed by the application; everything else is categorical data
-- used for triage and statistics.

CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    -- Where notifications go ("something is waiting"), and whom the group serves.
    emails TEXT[] NOT NULL DEFAULT '{}',
    communities TEXT[] NOT NULL DEFAULT '{}',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash TEXT,
    role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'liaison')),
    organisation_id BIGINT REFERENCES organisations (id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT liaisons_belong_to_a_group CHECK ((role = 'liaison') = (organisation_id IS NOT NULL))
);

-- Server-side sessions: the cookie holds a random token, the table only its
-- SHA-256 digest. Deleting rows revokes at once.
CREATE TABLE sessions (
    token_digest BYTEA PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE cases (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    receipt_hash TEXT NOT NULL,
    master_key_id TEXT NOT NULL,
    wrapped_key BYTEA NOT NULL,
    content BYTEA NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('web', 'phone')),
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'triaged', 'in_progress', 'referred', 'closed')),
    risk TEXT NOT NULL CHECK (risk IN ('routine', 'elevated', 'urgent')),
    kinds TEXT[] NOT NULL DEFAULT '{}',
    reporter_role TEXT,
    occurred_month DATE,
    province TEXT,
    community TEXT,
    channels TEXT[] NOT NULL DEFAULT '{}',
    state_link TEXT,
    demands TEXT[] NOT NULL DEFAULT '{}',
    family_affected BOOLEAN NOT NULL DEFAULT FALSE,
    immediate_danger BOOLEAN NOT NULL DEFAULT FALSE,
    support TEXT[] NOT NULL DEFAULT '{}',
    contact_method TEXT NOT NULL DEFAULT 'none',
    consent_referral BOOLEAN NOT NULL DEFAULT FALSE,
    consent_police BOOLEAN NOT NULL DEFAULT FALSE,
    consent_stats BOOLEAN NOT NULL DEFAULT FALSE,
    language TEXT NOT NULL,
    -- Coarse on purpose: an exact time of filing could be matched against
    -- network logs to find the reporter.
    received_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now())
);

CREATE TABLE evidence (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    public_id TEXT NOT NULL UNIQUE,
    name BYTEA NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    content BYTEA NOT NULL,
    added_by TEXT NOT NULL CHECK (added_by IN ('reporter', 'staff')),
    received_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now())
);
CREATE INDEX evidence_case_id ON evidence (case_id);
-- Ciphertext does not compress: skip TOAST's attempt.
ALTER TABLE evidence ALTER COLUMN content SET STORAGE EXTERNAL;
