-- Statements of every queue load and case page, as functions: PL/pgSQL keeps each
-- statement's plan for the life of the connection, where the same SQL
-- sent by Haven was planned again on every load. Planning them against
-- the many (partial) indexes of `cases` cost more than running them:
-- about 3 ms of a 6 ms page. Each keeps one generic plan (a custom plan
-- per call, which PL/pgSQL may otherwise settle on, costs as much as
-- before): its values change nothing in how it is best run.

-- The deadlines due before `p_soon` and overdue at `p_at`, for each of
-- the caseworkers `p_workers` (in their order), then for the cases
-- assigned to nobody; each count capped at `p_cap`. Each count is a
-- bounded range scan of a partial index (`cases_ack_pending`,
-- `cases_response_pending`: their predicates are the conditions below),
-- whatever the size of the table.
CREATE FUNCTION queue_deadline_counts(p_workers bigint[], p_at timestamptz,
                                      p_soon timestamptz, p_cap bigint)
RETURNS TABLE (n bigint, assignee bigint, due_soon bigint, overdue bigint)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN QUERY
    SELECT w.n, w.id,
        (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id = w.id
            AND c.acknowledged_at IS NULL AND c.status <> 'closed'
            AND c.ack_due_at >= p_at AND c.ack_due_at < p_soon LIMIT p_cap) s)
      + (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id = w.id
            AND c.acknowledged_at IS NOT NULL AND c.responded_at IS NULL AND c.status <> 'closed'
            AND c.response_due_at >= p_at AND c.response_due_at < p_soon LIMIT p_cap) s),
        (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id = w.id
            AND c.acknowledged_at IS NULL AND c.status <> 'closed'
            AND c.ack_due_at < p_at LIMIT p_cap) s)
      + (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id = w.id
            AND c.acknowledged_at IS NOT NULL AND c.responded_at IS NULL AND c.status <> 'closed'
            AND c.response_due_at < p_at LIMIT p_cap) s)
    FROM unnest(p_workers) WITH ORDINALITY AS w(id, n)
    UNION ALL
    SELECT NULL::bigint, NULL::bigint,
        (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id IS NULL
            AND c.acknowledged_at IS NULL AND c.status <> 'closed'
            AND c.ack_due_at >= p_at AND c.ack_due_at < p_soon LIMIT p_cap) s)
      + (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id IS NULL
            AND c.acknowledged_at IS NOT NULL AND c.responded_at IS NULL AND c.status <> 'closed'
            AND c.response_due_at >= p_at AND c.response_due_at < p_soon LIMIT p_cap) s),
        (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id IS NULL
            AND c.acknowledged_at IS NULL AND c.status <> 'closed'
            AND c.ack_due_at < p_at LIMIT p_cap) s)
      + (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.assignee_id IS NULL
            AND c.acknowledged_at IS NOT NULL AND c.responded_at IS NULL AND c.status <> 'closed'
            AND c.response_due_at < p_at LIMIT p_cap) s)
    ORDER BY 1 NULLS LAST;
END
$$;

-- Whether a case waits to be indexed for links that a person has seen
-- (opened, or moved on from "new"): the condition by which
-- `claim_pending` (src/db/links.rs) picks the cases it indexes.
CREATE FUNCTION links_waiting_seen() RETURNS boolean
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1 FROM link_pending p JOIN cases c ON c.id = p.case_id
        WHERE c.status <> 'new' OR EXISTS (
            SELECT 1 FROM case_access a WHERE a.case_id = p.case_id AND a.kind = 'opened'));
END
$$;

-- For each of `p_digests`, the cases other than `p_except` naming it: how
-- many, and the `p_shown` most recent (by id, read through the index,
-- never all of them). Every case page asks it.
CREATE FUNCTION links_sharing_shown(p_digests bytea[], p_except bigint, p_shown bigint)
RETURNS TABLE (digest bytea, total bigint, id bigint, reference text, received_at timestamptz)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN QUERY
    SELECT d.digest, n.total, x.id, x.reference, x.received_at
    FROM unnest(p_digests) AS d(digest)
    CROSS JOIN LATERAL (SELECT count(*) AS total FROM case_identifiers i
        WHERE i.digest = d.digest AND i.case_id <> p_except) n
    CROSS JOIN LATERAL (SELECT c.id, c.reference, c.received_at
        FROM case_identifiers i JOIN cases c ON c.id = i.case_id
        WHERE i.digest = d.digest AND i.case_id <> p_except
        ORDER BY i.case_id DESC LIMIT p_shown) x;
END
$$;
