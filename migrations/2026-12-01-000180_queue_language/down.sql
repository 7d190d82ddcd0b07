-- Back to the covering indexes without the language.
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
