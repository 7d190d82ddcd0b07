-- A reporter may write again after their case is closed ("they came
-- back"): an unseen reply then needs attention like any other. Deadlines
-- still end with the case.
CREATE OR REPLACE FUNCTION case_attention() RETURNS trigger AS $$
BEGIN
    NEW.attention_at := CASE WHEN NEW.status = 'closed' THEN NEW.unread_since ELSE
        LEAST(NEW.unread_since,
              CASE WHEN NEW.acknowledged_at IS NULL THEN NEW.ack_due_at
                   WHEN NEW.responded_at IS NULL THEN NEW.response_due_at END)
    END;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- The per-caseworker deadline counts no longer read "attention_at is set"
-- as "open": they name the status.
DROP INDEX cases_ack_pending;
DROP INDEX cases_response_pending;
CREATE INDEX cases_ack_pending ON cases (assignee_id, ack_due_at)
    WHERE acknowledged_at IS NULL AND status <> 'closed';
CREATE INDEX cases_response_pending ON cases (assignee_id, response_due_at)
    WHERE acknowledged_at IS NOT NULL AND responded_at IS NULL AND status <> 'closed';
