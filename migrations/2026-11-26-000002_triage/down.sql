DROP TABLE outbox;
DROP TABLE recovery_codes;
DROP TABLE password_links;
DROP TABLE case_notes;
DROP TABLE case_events;
DROP TRIGGER case_status_counts_delete ON cases;
DROP TRIGGER case_status_counts_update ON cases;
DROP TRIGGER case_status_counts_insert ON cases;
DROP FUNCTION case_status_counts_apply();
DROP TABLE case_status_counts;
DROP INDEX cases_kinds;
DROP INDEX cases_received_at;
DROP INDEX cases_community_id;
DROP INDEX cases_assignee_id;
DROP INDEX cases_risk_id;
DROP INDEX cases_status_id;
ALTER TABLE cases DROP COLUMN risk_rank, DROP COLUMN assignee_id;
DROP TABLE login_throttles;
ALTER TABLE users
    DROP COLUMN totp_last_step,
    DROP COLUMN totp_enabled,
    DROP COLUMN totp_secret,
    DROP COLUMN totp_key_id,
    DROP COLUMN on_duty,
    DROP COLUMN language,
    DROP COLUMN display_name;
