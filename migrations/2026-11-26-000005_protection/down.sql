DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();
DROP FUNCTION audit_log_canonical(audit_log);
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP INDEX cases_closed_at;
ALTER TABLE cases DROP COLUMN closed_at;
