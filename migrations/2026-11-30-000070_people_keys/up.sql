-- Keys held by people. A team's or group's key pair: the casework team's
-- has no organisation; a partner group's names its organisation. One
-- current key per team or group; a retired one still opens what was sealed
-- to it. The private key is stored only sealed to each holder's public key
-- (key_grants), and under the master key (escrow) only until it has a
-- holder: a fresh installation, or one moving to people's keys.
CREATE TABLE shared_keys (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    public_key BYTEA NOT NULL,
    escrow_key_id TEXT,
    escrow BYTEA,
    created_at TIMESTAMPTZ NOT NULL DEFAULT date_trunc('hour', now()),
    retired_at TIMESTAMPTZ,
    CHECK ((escrow IS NULL) = (escrow_key_id IS NULL))
);
CREATE UNIQUE INDEX shared_keys_one_current
    ON shared_keys (COALESCE(organisation_id, 0)) WHERE retired_at IS NULL;

CREATE TABLE key_grants (
    shared_key_id BIGINT NOT NULL REFERENCES shared_keys (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sealed BYTEA NOT NULL,
    granted_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shared_key_id, user_id)
);
CREATE INDEX key_grants_user ON key_grants (user_id);

-- An account's key pair: the private key sealed under its password's seed
-- and, separately, under its recovery key.
ALTER TABLE users
    ADD COLUMN public_key BYTEA,
    ADD COLUMN sealed_key BYTEA,
    ADD COLUMN recovery_key BYTEA;

-- A signed-in account's private key, sealed under its session cookie's
-- seed; a reporter's visit's case key, under its visit cookie's seed.
ALTER TABLE sessions ADD COLUMN sealed_key BYTEA;
ALTER TABLE reporter_sessions ADD COLUMN sealed_key BYTEA;

-- A case's keys sealed to the team's key (the case key and the staff
-- key, which seals what only staff read) and its case key sealed to its
-- receipt's key, each under the master key's outer layer (master_key_id).
-- Deleted with the case. cases.wrapped_key, the case key under the master
-- key alone, is kept only for cases filed before, until they move; a moved
-- case filed before waits for its reporter's next visit for receipt_key.
CREATE TABLE case_keys (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    master_key_id TEXT NOT NULL,
    team_key_id BIGINT NOT NULL REFERENCES shared_keys (id),
    team_keys BYTEA NOT NULL,
    receipt_key BYTEA
);
CREATE INDEX case_keys_master_key ON case_keys (master_key_id);
ALTER TABLE cases ALTER COLUMN wrapped_key DROP NOT NULL;
CREATE INDEX cases_legacy_keys ON cases (id) WHERE wrapped_key IS NOT NULL;

-- A referral's own key (summary, decline reason, updates), sealed to the
-- team's key and to the group's key. NULL: a referral sealed with its
-- case's key before, until it moves.
ALTER TABLE referrals
    ADD COLUMN master_key_id TEXT,
    ADD COLUMN team_key_id BIGINT REFERENCES shared_keys (id),
    ADD COLUMN team_key BYTEA,
    ADD COLUMN group_key_id BIGINT REFERENCES shared_keys (id),
    ADD COLUMN group_key BYTEA;

-- Sessions from before hold no key: everyone signs in once more, and their
-- session then holds their key (instead of every page saying it does not).
DELETE FROM sessions;
