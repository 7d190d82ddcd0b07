-- A report written in steps: what the reporter has answered so far, and the
-- files they attached, held between steps until the report is sent. Every
-- value is sealed under a key derived from the draft's token, which only
-- the reporter's open form holds (never a URL, never the database): a copy
-- of the database opens none of it. In clear, only the hour after which a
-- draft is deleted whatever its sealed clock says.
CREATE TABLE report_drafts (
    token_digest BYTEA PRIMARY KEY,
    expires_hour TIMESTAMPTZ NOT NULL,
    sealed BYTEA NOT NULL
);
CREATE INDEX report_drafts_expires_hour ON report_drafts (expires_hour);

CREATE TABLE report_draft_files (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_digest BYTEA NOT NULL REFERENCES report_drafts (token_digest) ON DELETE CASCADE,
    -- Random: names the file in its sealed values' associated data.
    label TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
    sealed_meta BYTEA NOT NULL,
    sealed_bytes BYTEA NOT NULL
);
CREATE INDEX report_draft_files_draft ON report_draft_files (token_digest, id);
