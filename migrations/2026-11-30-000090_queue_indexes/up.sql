-- The queue's indexes, one for every order and filter it offers, so that
-- each page is a walk down one index that stops after a page, whatever the
-- size of the table (see src/db/cases/queue.rs for which query uses which).
--
-- Every order ends in the hour received and the (random) id: newest first
-- walks these ascending indexes backwards, oldest first forwards. "Most
-- urgent first" is one walk per risk rank (at most three), so it too needs
-- only an index ending in (risk_rank, received_at, id).

-- Ordered by id, from before ids were random: they match no order now.
DROP INDEX cases_status_community_risk_id;
DROP INDEX cases_status_community_id;
DROP INDEX cases_status_risk_id;
DROP INDEX cases_risk_id;
DROP INDEX cases_status_id;
DROP INDEX cases_community_id;
DROP INDEX cases_assignee_id;
-- Replaced by an ascending one (walked backwards for newest first).
DROP INDEX cases_risk_received_id;

-- No filter (cases_received_at, on (received_at, id), stays) or a risk.
CREATE INDEX cases_risk_received ON cases (risk_rank, received_at, id);
-- A status (cases_status_received_id stays), with or without a community.
CREATE INDEX cases_status_risk_received ON cases (status, risk_rank, received_at, id);
CREATE INDEX cases_status_community_received ON cases (status, community, received_at, id);
CREATE INDEX cases_status_community_risk_received
    ON cases (status, community, risk_rank, received_at, id);
-- A community alone.
CREATE INDEX cases_community_received ON cases (community, received_at, id);
CREATE INDEX cases_community_risk_received ON cases (community, risk_rank, received_at, id);
-- A caseworker's cases (also the foreign key's index).
CREATE INDEX cases_assignee_received ON cases (assignee_id, received_at, id);
CREATE INDEX cases_assignee_risk_received ON cases (assignee_id, risk_rank, received_at, id);
-- Cases nobody is assigned.
CREATE INDEX cases_unassigned_received ON cases (received_at, id) WHERE assignee_id IS NULL;
CREATE INDEX cases_unassigned_risk_received ON cases (risk_rank, received_at, id)
    WHERE assignee_id IS NULL;
-- Needs attention: only the cases that do (none once closed).
CREATE INDEX cases_attention ON cases (attention_at, id) WHERE attention_at IS NOT NULL;
CREATE INDEX cases_assignee_attention ON cases (assignee_id, attention_at, id)
    WHERE attention_at IS NOT NULL;
CREATE INDEX cases_status_attention ON cases (status, attention_at, id)
    WHERE attention_at IS NOT NULL;
-- Linked to other cases: only the cases that are.
CREATE INDEX cases_linked_received ON cases (received_at, id) WHERE linked;
CREATE INDEX cases_linked_risk_received ON cases (risk_rank, received_at, id) WHERE linked;
CREATE INDEX cases_linked_attention ON cases (attention_at, id)
    WHERE linked AND attention_at IS NOT NULL;
