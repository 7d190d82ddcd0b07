# The staff queue at several sizes: sourced by bench/run.sh, whose
# variables and functions it uses (haven, DATABASE_URL, WORK, DURATION,
# password, pids, start_haven, say, json, ratio). Writes the results'
# section 2 to $WORK/queue.md and every plan to bench/PLANS.md.
#
# Each size is seeded with `haven demo` up to DEMO_MAX cases and amplified
# in SQL beyond it (bench/queue/amplify.sql: copies of seeded cases with
# new ids and references; the queue never decrypts). Every shape is then
# measured with wrk through Haven (session, page query, counts,
# rendering), and its page query's plan recorded as Haven ran it
# (auto_explain, with ANALYZE and BUFFERS).
#
#   QUEUE_SIZES="10000 200000" ONLY=queue bench/run.sh
# It drops and rewrites indexes and cases: only ever on the cluster
# bench/run.sh started for itself.
case "${DATABASE_URL:-}" in
    "postgres://postgres@127.0.0.1:${pgport:-none}/haven") ;;
    *) echo "bench/queue.sh runs only from bench/run.sh, on its own cluster" >&2; exit 2 ;;
esac
[ -d "${WORK:-/nonexistent}/pg" ] || { echo "bench/queue.sh: no bench cluster in \$WORK" >&2; exit 2; }

# What is measured, named before this run writes PLANS.md (which would
# otherwise count as a change of its own).
built_from="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
QUEUE_SIZES=${QUEUE_SIZES:-10000 200000 1000000 5000000}
DEMO_MAX=${DEMO_MAX:-1000000}
PLANS_OUT=${PLANS_OUT:-bench/PLANS.md}
CASE_PAGE_AT=${CASE_PAGE_AT:-1000000}

# Caseworkers the seeded cases are assigned to: the bench's own one and
# nine more.
for i in 1 2 3 4 5 6 7 8 9; do
    printf '%s\n' "$password" | "$haven" user create --email "bench$i@haven.localhost" \
        --role caseworker --password-stdin >/dev/null 2>&1 || true
done
workers="{$(psql "$DATABASE_URL" -Atqc "SELECT string_agg(id::text, ',' ORDER BY email) FROM users WHERE email LIKE 'bench%@haven.localhost'")}"

read -r qpid qport < <(start_haven 18380); pids+=("$qpid")
base="http://127.0.0.1:$qport"
session_cookie() {
    local jar="$WORK/jar2" token
    token=$(curl -fs -c "$jar" "$base/staff/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=bench@haven.localhost" \
        --data-urlencode "password=$password" --data-urlencode "csrf_token=$token" "$base/staff/login"
    awk '$6 == "haven_session" {print "haven_session=" $7}' "$jar"
}
to_ms() {
    case "$1" in
        *us) awk -v v="${1%us}" 'BEGIN {printf "%.2f", v / 1000}' ;;
        *ms) awk -v v="${1%ms}" 'BEGIN {printf "%.2f", v}' ;;
        *s) awk -v v="${1%s}" 'BEGIN {printf "%.2f", v * 1000}' ;;
        *) echo "$1" ;;
    esac
}
# p50 ms, p99 ms, requests/s of GET $1 with cookie $2 (wrk, 2 threads, 4
# connections); "- - -" if any answer was not 2xx.
measure() {
    local out
    out=$(wrk -t 2 -c 4 -d "${DURATION}s" --latency -H "Cookie: $2" "$1")
    if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses from $1" >&2; echo "- - -"; return; fi
    echo "$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')") $(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')") $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}
# The same for one SQL statement alone (pgbench, 4 clients, custom plans),
# for a shape this build's page does not offer.
measure_sql() {
    local dir="$WORK/pgbench"; rm -rf "$dir"; mkdir -p "$dir"
    printf '%s;\n' "$1" >"$dir/shape.sql"
    (cd "$dir" && PGOPTIONS='-c plan_cache_mode=force_custom_plan' "$(pg_bin_dir)/pgbench" -n -M prepared \
        -c 4 -j 2 -T "$DURATION" -l -f shape.sql "$DATABASE_URL" >/dev/null 2>&1)
    cat "$dir"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk -v d="$DURATION" '
        {v[NR] = $1} END {if (NR == 0) {print "- - -"; exit}
        printf "%.2f %.2f %.2f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], NR / d}'
}
log_size() { stat -c %s "$WORK/pg/server.log"; }
auto_explain() {
    psql "$DATABASE_URL" -qc "ALTER SYSTEM SET auto_explain.log_min_duration = $1" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.3
}
# The plans of one GET of $1 as Haven ran them, then "@@total <ms>".
capture_plan() {
    local before; before=$(log_size)
    auto_explain 0
    curl -s -o /dev/null -H "Cookie: $2" "$1"
    auto_explain -1
    tail -c "+$((before + 1))" "$WORK/pg/server.log" | python3 bench/queue/plans.py
}
cases_now() { psql "$DATABASE_URL" -Atqc "SELECT coalesce(sum(n), 0) FROM case_status_counts"; }
realise() {
    psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -v workers="$workers" -v index_links="$1" \
        -f bench/queue/realise.sql >/dev/null
}
seed_to() {
    local have; have=$(cases_now)
    if [ "$have" -lt "$1" ]; then
        say "Seeding $(($1 - have)) cases with haven demo (to $1)"
        nice "$haven" demo --cases $(($1 - have)) | grep -v "^  [0-9A-Z]\{4\}-" >&2
        # The first seed's cases are indexed for links (see index_links);
        # later ones are not, or the first queue load would index them all
        # in the background while the queue is measured.
        if [ "$have" -eq 0 ]; then realise yes; else realise no; fi
    fi
}
links_pending() { psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM link_pending"; }
# Has Haven index the cases waiting for links (each queue load indexes, in
# the background, those a person has seen: past "new"), with progress,
# before anything is measured, so that the case page measured later lists
# the cases that share its identifiers. Done when five loads in a row leave
# as many waiting (new cases wait until someone opens them).
index_links() {
    local waiting last same=0
    waiting=$(links_pending)
    [ "$waiting" -gt 0 ] || return 0
    say "Indexing the cases a caseworker has seen, of $waiting waiting for links"
    while [ "$same" -lt 5 ]; do
        curl -s -o /dev/null -H "Cookie: $1" "$base/staff/cases"
        sleep 2
        last=$waiting; waiting=$(links_pending)
        if [ "$waiting" -eq "$last" ]; then same=$((same + 1)); else same=0; say "  $waiting waiting"; fi
    done
    say "  $(links_pending) waiting; $(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM case_identifiers") identifiers indexed"
}
# Copies seeded cases until there are $1, with the table's other indexes
# dropped meanwhile and built again after (far faster than keeping them).
amplify_to() {
    local have; have=$(cases_now)
    [ "$have" -lt "$1" ] || return 0
    say "Amplifying $have cases to $1 in SQL"
    local cols src_cols key_cols src_key_cols
    cols=$(psql "$DATABASE_URL" -Atqc "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'cases'
        AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'reference', 'attention_at')")
    src_cols=$(echo "$cols" | sed 's/\([^, ][^,]*\)/c.\1/g')
    key_cols=$(psql "$DATABASE_URL" -Atqc "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'case_keys'
        AND column_name <> 'case_id'")
    src_key_cols=$(echo "$key_cols" | sed 's/\([^, ][^,]*\)/k.\1/g')
    psql "$DATABASE_URL" -Atqc "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE tablename = 'cases'
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'cases'::regclass)" >"$WORK/indexes"
    while read -r name _; do psql "$DATABASE_URL" -qc "DROP INDEX $name"; done <"$WORK/indexes"
    local seeded; seeded=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM bench_seen")
    while [ "$(cases_now)" -lt "$1" ]; do
        local n=$(($1 - $(cases_now))); [ "$n" -gt "$seeded" ] && n=$seeded
        psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -v n="$n" -v cols="$cols" -v src_cols="$src_cols" \
            -v key_cols="$key_cols" -v src_key_cols="$src_key_cols" -f bench/queue/amplify.sql >/dev/null
        say "  $(cases_now) cases"
    done
    say "Building the cases' indexes again"
    while read -r _ def; do
        psql "$DATABASE_URL" -qc "SET maintenance_work_mem = '1GB'" -c "$def"
    done <"$WORK/indexes"
}

# The shapes: name|what|query string ("@deep@" and "@deep_risk@" stand for
# a cursor in the middle of the queue)|what the page query's WHERE must
# contain if the page offers the shape (a page that ignores a parameter
# it does not know would otherwise be measured unfiltered)|the page query
# in SQL, measured instead when it does not.
cols_sql="id, reference, source, status, risk, risk_rank, kinds, province, community, immediate_danger, assignee_id, received_at, linked, attention_at, ack_due_at, response_due_at, acknowledged_at, responded_at, unread_since, last_activity_at"
shapes=(
    "newest|newest first, no filter (the first page)|||"
    "oldest|oldest first|sort=oldest||"
    "risk|most urgent first|sort=risk||"
    "attention|needs attention (soonest due first)|sort=attention|\"attention_at\" IS NOT NULL|SELECT $cols_sql FROM cases WHERE attention_at IS NOT NULL ORDER BY attention_at, id LIMIT 51"
    "linked|linked to other cases|linked=1|\"cases\".\"linked\"|SELECT $cols_sql FROM cases WHERE linked ORDER BY received_at DESC, id DESC LIMIT 51"
    "assignee|assigned to me|assignee=me||"
    "status|status triaged|status=triaged||"
    "kind|kind surveillance|kind=surveillance||"
    "community|community Tibetan|community=tibetan||"
    "issue|triaged + Uyghur + surveillance, most urgent first|status=triaged&community=uyghur&kind=surveillance&sort=risk||"
    "deep|newest first, the page after the middle case|after=@deep@||"
    "deep_risk|most urgent first, the page after the middle case|sort=risk&after=@deep_risk@||"
)

queue_rows=()
case_page=""
loads=""
{
    echo "# Plans of the queue's page query"
    echo
    echo "Regenerated by \`bench/run.sh\` (section 2); do not edit by hand. Each plan is the one Haven ran for one"
    echo "request of the shape, right after its wrk run, as logged by auto_explain (ANALYZE, BUFFERS; custom plans, so"
    echo "the values appear in the conditions). \"Most urgent first\" runs one walk per risk rank until the page is full,"
    echo "so it may show up to three plans. A shape marked \"SQL\" is not offered by this build's page: its plan is"
    echo "\`EXPLAIN (ANALYZE, BUFFERS)\` of the equivalent statement."
    echo
} >"$PLANS_OUT"
for size in $QUEUE_SIZES; do
    if [ "$size" -le "$DEMO_MAX" ]; then seed_to "$size"; else seed_to "$DEMO_MAX"; amplify_to "$size"; fi
    cookie=$(session_cookie)
    # Before the VACUUM: indexing empties most of the waiting list, and the
    # planner should know it (with the deleted rows of a list it still
    # thinks full, the queue's "anything seen waiting?" check walks every
    # case: 60 ms instead of a few).
    index_links "$cookie"
    say "VACUUM ANALYZE and CHECKPOINT at $(cases_now) cases"
    psql "$DATABASE_URL" -qc "VACUUM ANALYZE" >/dev/null
    # The bulk load's dirty pages are written now, not by the checkpointer
    # in the middle of the first shapes' measurements (a run whose first
    # shapes after seeding showed p99 spikes that later shapes did not).
    psql "$DATABASE_URL" -qc "CHECKPOINT" >/dev/null
    total=$(cases_now)
    deep=$(psql "$DATABASE_URL" -Atqc "SELECT id FROM cases ORDER BY received_at DESC, id DESC OFFSET $((total / 2)) LIMIT 1")
    deep_risk=$(psql "$DATABASE_URL" -Atqc "SELECT risk_rank || '.' || id FROM cases ORDER BY risk_rank, received_at DESC, id DESC OFFSET $((total / 2)) LIMIT 1")
    echo "## $total cases" >>"$PLANS_OUT"
    echo >>"$PLANS_OUT"
    row="$size"
    for shape in "${shapes[@]}"; do
        IFS='|' read -r name what query marker sql <<<"$shape"
        query=${query//@deep@/$deep}; query=${query//@deep_risk@/$deep_risk}
        url="$base/staff/cases${query:+?$query}"
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")
        offered=no
        if [ "$code" = 200 ]; then
            capture_plan "$url" "$cookie" >"$WORK/plan"
            if [ -z "$marker" ] || grep '^Query Text:' "$WORK/plan" | grep ' WHERE ' | sed 's/.* WHERE //' | grep -qF "$marker"; then
                offered=yes
            fi
        fi
        if [ "$offered" = yes ]; then
            read -r p50 p99 rps < <(measure "$url" "$cookie")
            capture_plan "$url" "$cookie" >"$WORK/plan"
            how="page"
        elif [ -n "$sql" ]; then
            read -r p50 p99 rps < <(measure_sql "$sql")
            { psql "$DATABASE_URL" -Atqc "EXPLAIN (ANALYZE, BUFFERS) $sql" | tee "$WORK/plan.raw"
              awk '/Execution Time/ {print "@@total " $3}' "$WORK/plan.raw"; } >"$WORK/plan"
            how="SQL"
        else
            p50=- p99=- rps=-; : >"$WORK/plan"; how="HTTP $code"
        fi
        query_ms=$(awk '/^@@total/ {print $2}' "$WORK/plan"); query_ms=${query_ms:--}
        row+=" $name:$p50:$p99:$rps:$query_ms:${how// /_}"
        say "queue at $size cases, $name ($how): p50 $p50 ms, p99 $p99 ms, query $query_ms ms"
        {
            echo "<details><summary>$name — $what, $total cases: p99 $p99 ms ($how), query $query_ms ms</summary>"
            echo
            echo '```'
            grep -v '^@@total' "$WORK/plan" || true
            echo '```'
            echo
            echo "</details>"
            echo
        } >>"$PLANS_OUT"
    done
    queue_rows+=("$row")
    loads+="${loads:+, }$size: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [ "$size" = "$CASE_PAGE_AT" ]; then
        linked_ref=$(psql "$DATABASE_URL" -Atqc "SELECT c.reference FROM cases c JOIN bench_seen s USING (id)
            WHERE c.linked ORDER BY EXISTS (SELECT 1 FROM case_identifiers i WHERE i.case_id = c.id) DESC, c.id LIMIT 1")
        curl -s -o "$WORK/case.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/staff/cases/$linked_ref" >"$WORK/case.code"
        if [ "$(cat "$WORK/case.code")" = 200 ]; then
            read -r c50 c99 crps < <(measure "$base/staff/cases/$linked_ref" "$cookie")
            # Other cases listed under the case's identifiers (each has a
            # confirm or dismiss form naming it).
            # (grep finding none is a count of 0, not a failure.)
            shown=$({ grep -o '/links/[A-Z0-9-]*/\(confirm\|dismiss\)' "$WORK/case.html" || true; } | cut -d/ -f3 | sort -u | wc -l)
            case_page="$size $c50 $c99 $crps $shown"
        else
            case_page="$size - - - HTTP_$(cat "$WORK/case.code")"
        fi
        say "case page of a linked case at $size cases: $case_page"
    fi
done

# Section 2 of RESULTS.md.
{
    echo "## 2. Staff queue"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), commit $built_from. wrk, 2 threads, 4 connections, ${DURATION} s per figure, on \`/staff/cases\` with each shape's query string; each request includes the session check, the page query (51 rows), the counts per status and rendering. The caseworker signed in is \`bench@\`, one of ten the seeded cases past \"new\" are assigned to. Targets from issue 13 in brackets: p99 ≤ 25 ms and ≤ 1.5 × the figure at 10,000 cases, at every size."
    echo
    echo "Cases: \`haven demo\` up to $DEMO_MAX (statuses by age over 700 days, received to the hour), given deadlines, acknowledgements, responses, unread replies (5 % of open cases), assignees and links (3 %) by \`bench/queue/realise.sql\`; beyond $DEMO_MAX, copies of those in SQL (\`bench/queue/amplify.sql\`: new ids and references, all else as is — the queue never decrypts, so copies are cases like any other to it). Every shape's plan at every size is in [PLANS.md](PLANS.md)."
    echo
    header="| shape |"; rule="|---|"
    for row in "${queue_rows[@]}"; do read -r n _ <<<"$row"; header+=" $n p50 / p99 ms (p99 ÷ 10k) |"; rule+="---:|"; done
    header+=" query ms at each size |"; rule+="---|"
    echo "$header"; echo "$rule"
    worst_p99=0; worst_ratio=0
    for shape in "${shapes[@]}"; do
        IFS='|' read -r name what _ _ _ <<<"$shape"
        line="| $name — $what |"; queries=""; small=""
        for row in "${queue_rows[@]}"; do
            read -r n fields <<<"$row"
            for f in $fields; do
                IFS=':' read -r fname p50 p99 _ qms how <<<"$f"
                [ "$fname" = "$name" ] || continue
                [ "$n" = 10000 ] && small=$p99
                r=""; [ -n "$small" ] && [ "$p99" != - ] && r=" ($(ratio "$p99" "$small"))"
                tag=""; [ "$how" = SQL ] && tag=" (SQL)"
                line+=" $p50 / **$p99**$r$tag |"
                queries+="${queries:+, }$qms"
                if [ "$p99" != - ]; then
                    worst_p99=$(awk -v a="$worst_p99" -v b="$p99" 'BEGIN {print (b > a ? b : a)}')
                    [ -n "$small" ] && worst_ratio=$(awk -v a="$worst_ratio" -v b="$(ratio "$p99" "$small")" 'BEGIN {print (b > a ? b : a)}')
                fi
            done
        done
        echo "$line $queries |"
    done
    echo
    echo "- worst p99 of any shape at any size: **$worst_p99 ms** [≤ 25 ms]; worst ratio to 10,000 cases: **$worst_ratio** [≤ 1.5]"
    echo "- load average (1, 5, 15 min) on this $(nproc)-core machine after each size's figures: $loads (above $(nproc), the p99 figures measure waiting for a core as much as Haven)"
    echo "- (SQL): the page does not offer this shape in this build; the figure is the page query alone (pgbench, 4 clients, custom plans), not the whole page."
    if [ -n "$case_page" ]; then
        read -r n c50 c99 crps shown <<<"$case_page"
        if [ "$c50" = - ]; then
            echo "- the case page of a linked case at $n cases: not measured (the page answered ${shown//_/ })"
        else
            echo "- the case page of a linked case (\`GET /staff/cases/{ref}\`) at $n cases: p50 $c50 ms, p99 **$c99 ms**, $crps req/s [≤ 25 ms]; other cases listed under its identifiers: ${shown:-0}"
        fi
    fi
    echo
    echo "How each shape stays flat: every page is a walk down one index in the page's own order (newest first walks an ascending index backwards), from the cursor's row comparison \`(received_at, id) < (…)\` (or \`>\`, or \`(attention_at, id) > (…)\`), stopping after 51 rows; filters that are not in the index's leading columns discard rows on the way, at a rate that does not depend on the table's size — and the status-and-community indexes carry every column the queue shows (migration 000160), so the rows a further filter discards, and those shown, are read from the index alone (an index-only scan), not from wherever each row lies in the table. Most urgent first is one such walk per risk rank (urgent, elevated, routine), each stopping once the page is full. Bitmap scans are off for the page's statements: a bitmap returns rows in no order, so a page read through one reads and sorts every match (the first run chose a bitmap of every case of the kind for the issue's filter at 200,000 cases: 3.3 ms, growing with the table). The page's own statements are planned for their values (\`plan_cache_mode = force_custom_plan\` in the page's transaction), so PostgreSQL sees how common a kind is and that a partial index's condition holds; the statements every load also runs (deadline counts, the links check, the shared-identifier lists of a case page) are PL/pgSQL functions that keep one generic plan per connection (migration 000095). See \`src/db/cases/queue.rs\` and migration \`2026-11-30-000090_queue_indexes\`."
    echo
} >"$WORK/queue.md"
