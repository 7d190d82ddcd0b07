DROP TABLE case_access;
DROP TRIGGER case_attention ON cases;
DROP FUNCTION case_attention();
ALTER TABLE cases
    DROP COLUMN ack_due_at,
    DROP COLUMN response_due_at,
    DROP COLUMN acknowledged_at,
    DROP COLUMN responded_at,
    DROP COLUMN unread_since,
    DROP COLUMN last_activity_at,
    DROP COLUMN attention_at,
    DROP COLUMN linked;
DROP TABLE case_links;
DROP TABLE link_pending;
DROP TABLE case_identifiers;
DROP TABLE link_keys;
