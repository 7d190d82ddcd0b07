-- Recipients beyond partner groups, and the encrypted packets a case is
-- shared with them in.
--
-- An organisation is a partner group (liaisons, a group key: the existing
-- kind) or an official body: police, national security, legal, other. Any
-- recipient may have an age public key; a packet is encrypted to it, and a
-- recipient without one receives only the notice that a case was shared.
ALTER TABLE organisations
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'partner'
        CHECK (kind IN ('partner', 'police', 'national_security', 'legal', 'other')),
    -- An age X25519 recipient (bech32, lower case).
    ADD COLUMN age_recipient TEXT
        CHECK (age_recipient IS NULL OR age_recipient ~ '^age1[02-9ac-hj-np-z]{58}$');

-- A packet: a ZIP of a case's report, chosen evidence, manifest and chain
-- of custody, encrypted with age to one recipient. The ciphertext is held
-- only until it is downloaded (once), expires or is cancelled; what stays
-- is the record: which case, which recipient, who built it, how many
-- files, and the SHA-256 of the encrypted file.
CREATE TABLE packets (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    built_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- ready: waiting for its one download; downloaded; expired; cancelled
    -- (consent withdrawn); notice: no key, only a notice was sent.
    status TEXT NOT NULL CHECK (status IN ('ready', 'downloaded', 'expired', 'cancelled', 'notice')),
    files INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT,
    size_bytes INTEGER,
    ciphertext BYTEA,
    -- The single-use download link's token (SHA-256), for a caseworker.
    token_digest BYTEA UNIQUE,
    expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    downloaded_at TIMESTAMPTZ,
    CHECK (status = 'ready' OR ciphertext IS NULL)
);
CREATE INDEX packets_case_id ON packets (case_id, id);
CREATE INDEX packets_organisation_ready ON packets (organisation_id, id) WHERE status = 'ready';
CREATE INDEX packets_expiring ON packets (expires_at) WHERE status = 'ready';
