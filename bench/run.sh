#!/usr/bin/env bash
# Haven's benchmarks, in one run: builds release binaries (Haven, and in
# bench/harness the intake baseline, a scenario load client and an SMTP
# sink), starts a PostgreSQL cluster of its own, drives load from separate
# processes on loopback, and rewrites bench/RESULTS.md with every figure:
#
#   1. intake: complete submissions at 1, 8 and 32 clients, against the baseline
#   2. the staff queue at 10,000, 200,000, 1,000,000 and 5,000,000 cases:
#      every order and filter (wrk), each plan in bench/PLANS.md
#      (bench/queue.sh), and the case page of a linked case
#   3. intake p99 during a storm of 20 sign-ins per second
#   4. mail delivered per second by two instances to an SMTP listener
#   5. peak resident memory of `haven serve` under intake load
#   6. scale-out: a session made on one instance works on another
#   7. faults: PostgreSQL stopped during intake; SMTP down for a minute
#
#   bench/run.sh                       # everything (about 15 minutes here)
#   QUEUE_SIZES="10000 200000" DURATION=5 bench/run.sh
#   ONLY=queue bench/run.sh            # section 2 alone, rewritten in place
#   HAVEN_BIN=/path/to/older/haven RESULTS_OUT=/tmp/before.md bench/run.sh
#                                      # the same run against another build
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

ONLY=${ONLY:-}
DURATION=${DURATION:-10}
RESULTS_OUT=${RESULTS_OUT:-bench/RESULTS.md}
WORK=$(mktemp -d /tmp/haven-bench.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_cluster "$WORK/pg"
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { say "Installing wrk"; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >&2; }
pg_install
free_port() { local p=$1; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }

say "Building release binaries"
cargo build --release --locked --bin haven --example argon2_ceiling 2>&1 | tail -n 1 >&2
CARGO_TARGET_DIR=target/bench-harness cargo build --release --manifest-path bench/harness/Cargo.toml 2>&1 | tail -n 1 >&2
haven=${HAVEN_BIN:-target/release/haven}
ceiling_bin=target/release/examples/argon2_ceiling
loadgen=target/bench-harness/release/loadgen
baseline=target/bench-harness/release/baseline

pgport=$(free_port 56432)
say "Starting PostgreSQL for the benchmarks on port $pgport"
# auto_explain is loaded but off until the queue section records a plan.
# (auto_explain.log_min_duration stays off the command line, which would
# override ALTER SYSTEM.)
PG_OPTS="-c shared_buffers=256MB -c max_connections=200 -c shared_preload_libraries=auto_explain
  -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c log_line_prefix=@@"
# shellcheck disable=SC2086
pg_start_cluster "$WORK/pg" "$pgport" $PG_OPTS
psql "postgres://postgres@127.0.0.1:$pgport/postgres" -qc "CREATE DATABASE haven" >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/haven"
export HAVEN_DEV=1 HAVEN_MASTER_KEY_FILE="$WORK/master.key" HAVEN_MAIL_DIR="$WORK/mail" RUST_LOG=warn
# The benchmark's caseworker signs in with a password alone (no authenticator here).
export HAVEN_REQUIRE_2FA=admins
"$haven" migrate >/dev/null

# Starts `haven serve` on a free port; prints "pid port".
start_haven() {
    local port; port=$(free_port "${1:-18080}")
    HAVEN_BIND="127.0.0.1:$port" HAVEN_BASE_URL="http://127.0.0.1:$port" "$haven" serve 2>>"$WORK/serve.log" &
    local pid=$!
    for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
    echo "$pid $port"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

password='bench caseworker passphrase'
printf '%s\n' "$password" | "$haven" user create --email bench@haven.localhost --role caseworker --password-stdin >/dev/null

if [ "$ONLY" = queue ]; then
    read -r hpid hport < <(start_haven 18080)
    "$loadgen" signin "http://127.0.0.1:$hport" 1 1 bench@haven.localhost "$password" >/dev/null
    kill "$hpid"; wait "$hpid" 2>/dev/null || true
else
# ---------------------------------------------------------------- intake
read -r hpid hport < <(start_haven 18080); pids+=("$hpid")
# The account's first sign-in makes its keys (and shows its recovery key):
# done once here, so that every sign-in measured below is an ordinary one.
"$loadgen" signin "http://127.0.0.1:$hport" 1 1 bench@haven.localhost "$password" >/dev/null
bport=$(free_port 19080)
"$baseline" "127.0.0.1:$bport" "$DATABASE_URL" 2>>"$WORK/baseline.log" & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$bport/report" >/dev/null 2>&1 && break; sleep 0.1; done

intake_rows=()
for clients in 1 8 32; do
    say "Intake with $clients client(s): Haven, then the baseline"
    h=$("$loadgen" intake "http://127.0.0.1:$hport" "$clients" "$DURATION")
    [ "$clients" = 32 ] && peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$hpid/status")
    b=$("$loadgen" intake "http://127.0.0.1:$bport" "$clients" "$DURATION")
    intake_rows+=("$clients $(echo "$h" | json "['per_second']") $(echo "$h" | json "['p50_ms']") $(echo "$h" | json "['p99_ms']") $(echo "$h" | json "['failed']") $(echo "$b" | json "['per_second']") $(echo "$b" | json "['p50_ms']") $(echo "$b" | json "['p99_ms']") $(echo "$b" | json "['failed']")")
done
dup_refs=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) - count(DISTINCT reference) FROM cases")
hash_secs=$("$baseline" --hash-seconds 20)
cores=$(nproc)
ceiling=$(awk -v c="$cores" -v s="$hash_secs" 'BEGIN {printf "%.1f", c / s}')
say "The true Argon2 ceiling: Haven's own hashing on every core"
true_ceiling=$("$ceiling_bin" "$DURATION")

# ------------------------------------------------------------- sign-in
say "Sign-in alone: 5 per second"
signin_alone=$("$loadgen" signin "http://127.0.0.1:$hport" 5 "$DURATION" bench@haven.localhost "$password")
signin_p50=$(echo "$signin_alone" | json "['p50_ms']"); signin_p99=$(echo "$signin_alone" | json "['p99_ms']")
signin_failed=$(echo "$signin_alone" | json "['failed']")

# ------------------------------------------------------- sign-in storm
say "Intake p99 alone, then during 20 sign-ins per second"
alone=$("$loadgen" intake "http://127.0.0.1:$hport" 8 "$DURATION")
"$loadgen" signin "http://127.0.0.1:$hport" 20 "$((DURATION + 2))" bench@haven.localhost "$password" >"$WORK/storm.json" &
storm_pid=$!
sleep 1
during=$("$loadgen" intake "http://127.0.0.1:$hport" 8 "$DURATION")
wait "$storm_pid"
alone_p99=$(echo "$alone" | json "['p99_ms']"); during_p99=$(echo "$during" | json "['p99_ms']")
storm_rate=$(json "['per_second']" <"$WORK/storm.json")

# --------------------------------------------- faults: PostgreSQL stopped
say "Fault: PostgreSQL stopped for 8 s during intake load"
before=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM cases")
"$loadgen" intake "http://127.0.0.1:$hport" 8 30 "$WORK/fault.txt" >"$WORK/fault.json" &
load_pid=$!
sleep 8
bin=$(pg_bin_dir)
as_pg_owner "$bin/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null
sleep 8
as_pg_owner "$bin/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -o "-p $pgport -c listen_addresses=127.0.0.1 -k $WORK/pg $(echo $PG_OPTS)" -w start >/dev/null
wait "$load_pid"
after=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM cases")
fault_ok=$(grep -c '^ok ' "$WORK/fault.txt" || true)
fault_503=$(grep -c 'post_503\|form_503\|receipt_503' "$WORK/fault.txt" || true)
fault_500=$(grep -c '_500' "$WORK/fault.txt" || true)
fault_other=$(grep '^error' "$WORK/fault.txt" | grep -vc '_503' || true)
missing=0
while read -r _ ref _; do
    n=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM cases WHERE reference = '$ref'")
    [ "$n" = 1 ] || missing=$((missing + 1))
done < <(grep '^ok ' "$WORK/fault.txt")
stored=$((after - before))
fault_err_max=$(json "['error_max_ms']" <"$WORK/fault.json")
recovered=$(curl -fs "http://127.0.0.1:$hport/readyz" >/dev/null && echo yes || echo no)

# ------------------------------------------------ memory: done above
peak_mb=$(awk -v k="${peak_kb:-0}" 'BEGIN {printf "%.0f", k / 1024}')

# ----------------------------------------- mail and scale-out: two instances
kill "$hpid"; wait "$hpid" 2>/dev/null || true
smtp_port=$(free_port 25250)
"$loadgen" smtp-sink "$smtp_port" "$WORK/smtp.txt" &
sink_pid=$!; pids+=("$sink_pid")
sleep 0.5
MAILS=${MAILS:-3000}
psql "$DATABASE_URL" -qc "INSERT INTO outbox (message_id, recipient, template, language, params)
  SELECT '<bench-' || g || '@haven.localhost>', 'staff' || g || '@example.org', 'urgent_case', 'en',
         '{\"email\": {\"kind\": \"urgent_case\"}, \"path\": \"/staff/cases\"}'::jsonb
  FROM generate_series(1, $MAILS) g" >/dev/null
say "Mail: two instances deliver $MAILS messages to an SMTP listener"
export HAVEN_SMTP_URL="smtp://127.0.0.1:$smtp_port" HAVEN_MAIL_RETRY_SECS=2
read -r apid aport < <(start_haven 18180); pids+=("$apid")
read -r cpid cport < <(start_haven 18280); pids+=("$cpid")
for _ in $(seq 1 600); do
    [ "$(cut -d' ' -f1 "$WORK/smtp.txt" 2>/dev/null || echo 0)" -ge "$MAILS" ] 2>/dev/null && break
    sleep 0.2
done
read -r mail_total mail_unique mail_span <"$WORK/smtp.txt"
mail_rate=$(awk -v n="$mail_total" -v s="$mail_span" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')

say "Scale-out: a session made on one instance, used on the other"
jar="$WORK/jar"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$aport/staff/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=bench@haven.localhost" --data-urlencode "password=$password" \
    --data-urlencode "csrf_token=$token" "http://127.0.0.1:$aport/staff/login"
cookie=$(awk '$6 == "haven_session" {print "haven_session=" $7}' "$jar")
shared_session=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$cport/staff/cases")

say "Fault: the SMTP server down for a minute"
kill "$sink_pid" 2>/dev/null || true
sleep 0.5
OUTAGE=${OUTAGE:-200}
psql "$DATABASE_URL" -qc "INSERT INTO outbox (message_id, recipient, template, language, params)
  SELECT '<outage-' || g || '@haven.localhost>', 'staff' || g || '@example.org', 'urgent_case', 'en',
         '{\"email\": {\"kind\": \"urgent_case\"}, \"path\": \"/staff/cases\"}'::jsonb
  FROM generate_series(1, $OUTAGE) g" >/dev/null
sleep 60
pending_during=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM outbox WHERE status = 'pending'")
rm -f "$WORK/smtp2.txt"
"$loadgen" smtp-sink "$smtp_port" "$WORK/smtp2.txt" & pids+=($!)
for _ in $(seq 1 900); do
    [ "$(cut -d' ' -f1 "$WORK/smtp2.txt" 2>/dev/null || echo 0)" -ge "$OUTAGE" ] 2>/dev/null && break
    sleep 0.2
done
sleep 5
read -r outage_total outage_unique _ <"$WORK/smtp2.txt"
outage_failed=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM outbox WHERE status <> 'sent'")
unset HAVEN_SMTP_URL HAVEN_MAIL_RETRY_SECS

fi

# ---------------------------------------------------------------- queue
. bench/queue.sh

# ---------------------------------------------------------------- report
if [ "$ONLY" = queue ]; then
    # Section 2 and the history at the end replaced, the rest kept.
    python3 - "$RESULTS_OUT" "$WORK/queue.md" bench/HISTORY.md <<'PY'
import sys
path, section, history = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
text = open(path).read()
start, end = text.index("## 2. "), text.index("## 3. ")
text = text[:start] + section + text[end:]
tail = text.index(history.splitlines()[0])
open(path, "w").write(text[:tail] + history)
PY
    sed -n '/^## 2\. /,/^## 3\. /p' "$RESULTS_OUT"
    exit 0
fi
h32=""; b32=""
for row in "${intake_rows[@]}"; do read -r c hr _ _ _ br _ _ _ <<<"$row"; [ "$c" = 32 ] && { h32=$hr; b32=$br; }; done
{
    echo "# Benchmark results"
    echo
    echo "Regenerated by \`bench/run.sh\`; do not edit by hand. Targets from issue 7 in brackets."
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- machine: $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr)"
    echo "- PostgreSQL $(psql "$DATABASE_URL" -Atqc 'SHOW server_version'), a local cluster; Haven and the load on the same machine, over loopback"
    echo "- ${DURATION} s per intake and queue figure"
    echo
    echo "## 1. Intake: complete submissions (form, POST /report, receipt page)"
    echo
    echo "Load: \`bench/harness\` loadgen, one process, N clients each filing reports back to back."
    echo "Baseline: \`bench/harness\` baseline — a minimal actix-web + diesel handler doing one Argon2id hash with Haven's parameters and the insert of a row of the same size, behind the same three requests."
    echo
    echo "| clients | Haven /s | Haven p50 ms | Haven p99 ms | Haven failed | baseline /s | baseline p50 ms | baseline p99 ms | baseline failed | Haven ÷ baseline |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "${intake_rows[@]}"; do
        read -r c hr h50 h99 hf br b50 b99 bf <<<"$row"
        printf '| %s | %.1f | %.0f | %.0f | %s | %.1f | %.0f | %.0f | %s | %s |\n' "$c" "$hr" "$h50" "$h99" "$hf" "$br" "$b50" "$b99" "$bf" "$(ratio "$hr" "$br")"
    done
    echo
    echo "- Haven ÷ baseline at 32 clients: **$(ratio "$h32" "$b32")** [≥ 0.8]"
    echo "- Argon2 ceiling estimated from one hash at a time: $cores cores ÷ $hash_secs s per hash = $ceiling hashes/s"
    echo "- Argon2 ceiling measured: Haven's own split hashing in a tight loop on all $cores cores, each into a reused buffer = **$true_ceiling hashes/s**; Haven at 32 clients reaches **$(ratio "$h32" "$true_ceiling")** of it"
    echo "- duplicate references: **$dup_refs** [0]"
    echo
    cat "$WORK/queue.md"
    echo "## 3. Sign-in"
    echo
    printf -- '- sign-in alone (5 per second, the POST with its Argon2 check, keys and session): p50 %.0f ms, p99 **%.0f ms**, failed %s\n' "$signin_p50" "$signin_p99" "$signin_failed"
    printf -- '- intake p99 with 8 clients alone: %.0f ms; during %.1f sign-ins/s: %.0f ms\n' "$alone_p99" "$storm_rate" "$during_p99"
    echo "- ratio: **$(ratio "$during_p99" "$alone_p99")** [≤ 2]"
    echo
    echo "## 4. Mail"
    echo
    echo "- two \`haven serve\` instances delivered $mail_total messages ($mail_unique distinct Message-IDs) to a local SMTP listener at **$mail_rate messages/s**"
    echo
    echo "## 5. Memory"
    echo
    echo "- peak resident size of \`haven serve\` (VmHWM) after the 32-client intake run: **$peak_mb MB** [≤ 150 MB]"
    echo
    echo "## 6. Scale-out"
    echo
    echo "- a session made on one instance, used on the other: HTTP **$shared_session** [200]"
    echo "- two instances' mail workers: $mail_total delivered, $mail_unique distinct [no duplicate]"
    echo
    echo "## 7. Faults"
    echo
    echo "PostgreSQL stopped for 8 s in the middle of 30 s of intake at 8 clients:"
    echo
    echo "- receipts shown: $fault_ok; \"try again\" pages (503): $fault_503; 500s: $fault_500; other failures (no answer): $fault_other"
    echo "- slowest answer while the database was down: $(printf '%.0f' "$fault_err_max") ms"
    echo "- receipts shown whose report is missing: **$missing** [0]; reports stored during the run: $stored (≤ receipts shown + errors answered)"
    echo "- recovered by itself afterwards (readyz): **$recovered**"
    echo
    echo "SMTP down for 60 s with $OUTAGE messages queued: $pending_during still pending during the outage; after it returned, $outage_total arrived ($outage_unique distinct); messages not sent: **$outage_failed** [0]."
    echo
    cat bench/HISTORY.md
} > "$WORK/results.md"
cp "$WORK/results.md" "$RESULTS_OUT"
cat "$RESULTS_OUT"
