-- Passkeys and security keys (WebAuthn) as a second factor for staff.
--
-- A passkey's row holds its public key and signature counter (nothing
-- secret: the private key never leaves the person's authenticator), the
-- name its owner gave it and when it was last used.
CREATE TABLE passkeys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
    -- The credential as the WebAuthn library keeps it (public key, flags).
    credential JSONB NOT NULL,
    -- The authenticator's signature counter, last seen: an assertion whose
    -- counter does not move past it is refused (a cloned authenticator).
    sign_count BIGINT NOT NULL DEFAULT 0 CHECK (sign_count >= 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    -- Set when the passkey showed the sign of a cloned authenticator: it no
    -- longer signs in, and its owner is told to remove it.
    suspended_at TIMESTAMPTZ
);
CREATE INDEX passkeys_user ON passkeys (user_id, id);

-- The random handle a person's authenticators know them by (WebAuthn's
-- user id): never their email or database id.
ALTER TABLE users ADD COLUMN passkey_handle BYTEA;

-- A sign-in whose password was right and whose second factor is still to
-- come. The token is in the browser's cookie only; the row holds its
-- digest and the password's seed (which opens the person's private key)
-- sealed under a key derived from the token, so the row alone opens
-- nothing. It lasts five minutes and allows five tries of a second
-- factor (each counted before it is checked); a person has one at most.
CREATE TABLE sign_in_steps (
    token_digest BYTEA PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sealed_seed BYTEA NOT NULL,
    -- Whether the attempt was counted against its source (taken back when
    -- the sign-in succeeds).
    charged BOOLEAN NOT NULL,
    -- The passkey challenge outstanding for this attempt, if any: taken
    -- (and so used) at most once.
    challenge JSONB,
    failures INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_steps_expires ON sign_in_steps (expires_at);

-- Passkey challenges of a signed-in session: adding a passkey, and
-- confirming a change with one. One of each per session, replaced when a
-- new one is made, taken at most once, gone with the session.
CREATE TABLE passkey_challenges (
    session_digest BYTEA NOT NULL REFERENCES sessions (token_digest) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('add', 'confirm')),
    state JSONB NOT NULL,
    -- The name a passkey being added will have.
    name TEXT,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_digest, purpose)
);
CREATE INDEX passkey_challenges_expires ON passkey_challenges (expires_at);
