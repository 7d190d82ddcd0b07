-- Recipients beyond partner groups: an organisation is a partner group
-- (liaisons, communities served, a group key: every organisation so far)
-- or an official body a case can be shared with — police, national
-- security, legal, other — which has no liaisons and never signs in.
--
-- Any recipient may have an age public key (an X25519 recipient, bech32,
-- lower case: `age1` and 58 characters). What Haven shares as content is
-- encrypted to that key; a recipient without one is only ever told that a
-- case was shared with it, never what the case holds. Only the public key
-- is stored: the secret key stays with the recipient.
ALTER TABLE organisations
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'partner'
        CHECK (kind IN ('partner', 'police', 'national_security', 'legal', 'other')),
    ADD COLUMN age_recipient TEXT
        CHECK (age_recipient IS NULL OR age_recipient ~ '^age1[02-9ac-hj-np-z]{58}$');
