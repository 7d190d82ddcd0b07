ALTER TABLE referrals DROP COLUMN group_key, DROP COLUMN group_key_id,
    DROP COLUMN team_key, DROP COLUMN team_key_id, DROP COLUMN master_key_id;
DROP INDEX cases_legacy_keys;
DROP TABLE case_keys;
ALTER TABLE reporter_sessions DROP COLUMN sealed_key;
ALTER TABLE sessions DROP COLUMN sealed_key;
ALTER TABLE users DROP COLUMN recovery_key, DROP COLUMN sealed_key, DROP COLUMN public_key;
DROP TABLE key_grants;
DROP TABLE shared_keys;
