DROP TABLE passkey_challenges;
DROP TABLE sign_in_steps;
ALTER TABLE users DROP COLUMN passkey_handle;
DROP TABLE passkeys;
