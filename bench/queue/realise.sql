-- Gives the cases seeded since the last run (`haven demo` makes new
-- reports with statuses by age) what casework would have given them:
-- the deadlines promised at filing (7 and 30 days), an acknowledgement
-- for all but new cases (some late), a response for cases past triage,
-- a reply waiting unread in 5 % of open cases, an assignee among the
-- bench's caseworkers (:'workers') for cases past new (half of triaged),
-- and 3 % linked to other cases; and (but for the first seed) takes them
-- off the list of cases waiting to be indexed for links. Seeded after the bench's caseworker
-- took the team's key, they would wait for a caseworker, and the first
-- queue load would index hundreds of thousands of them in the background
-- while the queue is measured: a one-time catch-up, not what a queue
-- load costs (links come from the `linked` bits below, and from the cases
-- seeded before anyone signed in). Values come from bits of the (random)
-- id, so a run is repeatable in shape. Bench data only: the queue reads
-- these columns and nothing else.
CREATE TABLE IF NOT EXISTS bench_seen (id BIGINT PRIMARY KEY);
CREATE TEMP TABLE bench_fresh AS
    SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM bench_seen s WHERE s.id = c.id);
CREATE TEMP TABLE bench_unread AS
    SELECT c.id, greatest(c.received_at,
                          date_trunc('hour', now()) - ((c.id >> 16) & 255) * interval '1 hour') AS at
    FROM cases c JOIN bench_fresh f USING (id)
    WHERE c.status <> 'closed' AND ((c.id >> 8) & 1023) % 100 < 5;
UPDATE cases c SET
    ack_due_at = c.received_at + interval '7 days',
    response_due_at = c.received_at + interval '30 days',
    acknowledged_at = CASE WHEN c.status <> 'new' THEN
        least(c.received_at + (1 + (c.id & 1023) % 9) * interval '1 day', date_trunc('hour', now())) END,
    responded_at = CASE WHEN c.status IN ('in_progress', 'referred', 'closed') THEN
        least(c.received_at + (5 + ((c.id >> 4) & 1023) % 30) * interval '1 day', date_trunc('hour', now())) END,
    unread_since = u.at,
    last_activity_at = u.at,
    assignee_id = CASE
        WHEN c.status = 'new' OR (c.status = 'triaged' AND ((c.id >> 12) & 1) = 0) THEN NULL
        ELSE (:'workers'::bigint[])[1 + ((c.id >> 20) & 1023) % cardinality(:'workers'::bigint[])] END,
    linked = c.linked OR ((c.id >> 3) & 1023) % 100 < 3
FROM bench_fresh f LEFT JOIN bench_unread u USING (id)
WHERE c.id = f.id;
INSERT INTO bench_seen SELECT id FROM bench_fresh;
-- Except on the first seed (:'index_links' = 'yes'): those cases stay on
-- the list and the bench has Haven index them before measuring, so that
-- the case page it measures lists the cases that share an identifier.
DELETE FROM link_pending p USING bench_fresh f WHERE p.case_id = f.id AND :'index_links' <> 'yes';
