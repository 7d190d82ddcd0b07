DROP INDEX cases_ack_pending;
DROP INDEX cases_response_pending;
CREATE INDEX cases_ack_pending ON cases (assignee_id, ack_due_at)
    WHERE acknowledged_at IS NULL AND attention_at IS NOT NULL;
CREATE INDEX cases_response_pending ON cases (assignee_id, response_due_at)
    WHERE acknowledged_at IS NOT NULL AND responded_at IS NULL AND attention_at IS NOT NULL;
CREATE OR REPLACE FUNCTION case_attention() RETURNS trigger AS $$
BEGIN
    NEW.attention_at := CASE WHEN NEW.status = 'closed' THEN NULL ELSE
        LEAST(NEW.unread_since,
              CASE WHEN NEW.acknowledged_at IS NULL THEN NEW.ack_due_at
                   WHEN NEW.responded_at IS NULL THEN NEW.response_due_at END)
    END;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
