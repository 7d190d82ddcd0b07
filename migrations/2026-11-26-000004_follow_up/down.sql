DROP INDEX cases_deletion_due_at;
ALTER TABLE cases DROP COLUMN deletion_due_at;
DROP TABLE reporter_sessions;
DROP TABLE case_messages;
