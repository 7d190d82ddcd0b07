-- The queue counts, per caseworker, the deadlines due soon and overdue. A
-- case waits on one deadline at a time: the acknowledgement until a
-- caseworker first writes to the reporter, then the substantive response
-- (none once closed: the trigger of 000080 leaves attention_at empty). One
-- partial index per deadline keeps each count a short range scan of the
-- cases still waiting, whatever the size of the table.
CREATE INDEX cases_ack_pending ON cases (assignee_id, ack_due_at)
    WHERE acknowledged_at IS NULL AND attention_at IS NOT NULL;
CREATE INDEX cases_response_pending ON cases (assignee_id, response_due_at)
    WHERE acknowledged_at IS NOT NULL AND responded_at IS NULL AND attention_at IS NOT NULL;
