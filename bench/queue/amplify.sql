-- Copies :n of the cases seeded by `haven demo` (bench_seen) as new cases
-- with new random ids and references, every other column (status, risk,
-- kinds, community, times, deadlines, assignee, linked) and the row of
-- sealed keys as they are. The copies' content cannot be opened (it is
-- bound to the original's reference): the queue never decrypts, so for
-- the queue they are cases like any other. Columns are listed by the
-- caller (:cols, :src_cols, :key_cols, :src_key_cols) from the catalogue.
CREATE FUNCTION pg_temp.bench_reference() RETURNS text VOLATILE LANGUAGE sql AS $$
    SELECT left(s, 4) || '-' || right(s, 4) FROM (
        SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '') AS s
        FROM generate_series(1, 8)) r
$$;
CREATE TEMP TABLE bench_copy AS
    SELECT s.id AS src, haven_random_id() AS id, pg_temp.bench_reference() AS reference
    FROM (SELECT id FROM bench_seen ORDER BY id LIMIT :n) s;
INSERT INTO cases (id, reference, :cols)
    SELECT b.id, b.reference, :src_cols FROM bench_copy b JOIN cases c ON c.id = b.src
    ON CONFLICT DO NOTHING;
INSERT INTO case_keys (case_id, :key_cols)
    SELECT b.id, :src_key_cols FROM bench_copy b JOIN case_keys k ON k.case_id = b.src
    WHERE EXISTS (SELECT 1 FROM cases c WHERE c.id = b.id AND c.reference = b.reference);
