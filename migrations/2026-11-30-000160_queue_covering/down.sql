DROP INDEX cases_status_community_received;
DROP INDEX cases_status_community_risk_received;
CREATE INDEX cases_status_community_received ON cases (status, community, received_at, id);
CREATE INDEX cases_status_community_risk_received
    ON cases (status, community, risk_rank, received_at, id);
