-- Packets: a case's report, the evidence a caseworker chose, a cover note,
-- a manifest and a chain-of-custody extract, zipped and encrypted with age
-- to one recipient's public key. Haven holds the ciphertext only until its
-- one download or its expiry; what stays is the record: which case, which
-- recipient, who built it, how many files, and the SHA-256 of what left.
-- A recipient without a key gets a notice that a case was shared, never
-- content: such a packet is recorded with status `notice` and no file.
CREATE TABLE packets (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What URLs use: unguessable.
    public_id TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    -- For a partner group: the referral its liaisons download it from.
    referral_id BIGINT REFERENCES referrals (id) ON DELETE CASCADE,
    built_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('ready', 'downloaded', 'expired', 'notice')),
    files INTEGER NOT NULL DEFAULT 0,
    -- Of the encrypted file, lower-case hex.
    sha256 TEXT CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
    ciphertext BYTEA,
    expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    downloaded_at TIMESTAMPTZ,
    CHECK (status = 'ready' OR ciphertext IS NULL),
    CHECK (status = 'notice' OR (sha256 IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX packets_case_id ON packets (case_id, id);
CREATE INDEX packets_referral_id ON packets (referral_id, id) WHERE referral_id IS NOT NULL;
CREATE INDEX packets_expiring ON packets (expires_at) WHERE status = 'ready';
