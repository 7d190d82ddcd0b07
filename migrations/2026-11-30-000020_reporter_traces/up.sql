-- A report form's token files one report: the digest of a token that has
-- filed one is kept (in the report's own transaction) until the token could
-- no longer be accepted anyway. Nothing else: not the time, not the case.
CREATE TABLE spent_form_tokens (
    token_digest BYTEA PRIMARY KEY,
    -- The day after which the token is past its age limit (coarse on purpose).
    expires_on DATE NOT NULL
);
CREATE INDEX spent_form_tokens_expires_on ON spent_form_tokens (expires_on);

-- The receipt page of a new report is shown while its row exists: "I have
-- written them down" deletes it, so a copy of the cookie shows nothing
-- afterwards. The cookie holds a random token, this table its digest; the
-- row names no case and keeps only the hour, for pruning.
CREATE TABLE receipt_views (
    token_digest BYTEA PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now())
);
