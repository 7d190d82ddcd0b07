-- A queue filtered by a status and a community walks one of these two
-- indexes, and any further filter (a kind, say) is checked on each entry
-- on the way. Each entry now carries every column the queue shows, so
-- that the check, and the row shown, are read from the index alone (an
-- index-only scan) instead of from the table, whose rows lie wherever
-- they were written: discarding entries then costs the same whatever the
-- size of the table, where reading each from the table did not.
DROP INDEX cases_status_community_received;
DROP INDEX cases_status_community_risk_received;
CREATE INDEX cases_status_community_received
    ON cases (status, community, received_at, id)
    INCLUDE (reference, source, risk, risk_rank, kinds, province, immediate_danger,
             assignee_id, linked, attention_at, ack_due_at, response_due_at,
             acknowledged_at, responded_at, unread_since, last_activity_at);
CREATE INDEX cases_status_community_risk_received
    ON cases (status, community, risk_rank, received_at, id)
    INCLUDE (reference, source, risk, kinds, province, immediate_danger,
             assignee_id, linked, attention_at, ack_due_at, response_due_at,
             acknowledged_at, responded_at, unread_since, last_activity_at);
