#!/usr/bin/env bash
# Intake by two instances of Haven at 32 clients (16 on each), straight to
# PostgreSQL and then through PgBouncer in transaction mode (Debian's), on
# one database; writes the figures into bench/RESULTS.md between the
# "pgbouncer" markers (replacing what was there), with the commit.
#
#   bench/pgbouncer.sh                 # about 10 minutes here, with the build
#   DURATION=20 bench/pgbouncer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

DURATION=${DURATION:-10}
RESULTS_OUT=${RESULTS_OUT:-bench/RESULTS.md}
WORK=$(mktemp -d /tmp/haven-bench-pgb.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pgbouncer_stop "$WORK/pgbouncer"
    pg_stop_cluster "$WORK/pg"
    rm -rf "$WORK"
}
trap cleanup EXIT
pg_install
free_port() { local p=$1; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }

say "Building release binaries"
cargo build --release --locked --bin haven 2>&1 | tail -n 1 >&2
CARGO_TARGET_DIR=target/bench-harness cargo build --release --manifest-path bench/harness/Cargo.toml 2>&1 | tail -n 1 >&2
haven=${HAVEN_BIN:-target/release/haven}
loadgen=target/bench-harness/release/loadgen

pgport=$(free_port 56432)
say "Starting PostgreSQL on port $pgport and PgBouncer in front of it"
pg_start_cluster "$WORK/pg" "$pgport" -c shared_buffers=256MB -c max_connections=200
psql "postgres://postgres@127.0.0.1:$pgport/postgres" -qc "CREATE DATABASE haven" >/dev/null
bouncer=$(free_port 56532)
pgbouncer_start "$WORK/pgbouncer" "$pgport" "$bouncer"
direct="postgres://postgres@127.0.0.1:$pgport/haven"
pooled="postgres://postgres@127.0.0.1:$bouncer/haven"
export HAVEN_DEV=1 HAVEN_MASTER_KEY_FILE="$WORK/master.key" HAVEN_MAIL_DIR="$WORK/mail" RUST_LOG=warn
DATABASE_URL=$direct "$haven" migrate >/dev/null

# Starts `haven serve` on a free port (from $2) against database $1 with
# pooler setting $3; prints "pid port".
start_haven() {
    local port; port=$(free_port "$2")
    DATABASE_URL=$1 HAVEN_DATABASE_POOLER=$3 HAVEN_BIND="127.0.0.1:$port" \
        HAVEN_BASE_URL="http://127.0.0.1:$port" "$haven" serve 2>>"$WORK/serve.log" &
    local pid=$!
    for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
    echo "$pid $port"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }

# Two instances on database URL $1 (pooler $2: none or transaction), 16
# clients on each at once; prints
# "reports/s p50 p99 failed" summed (rate, failures) and worst (latency).
two_instances() {
    read -r apid aport < <(start_haven "$1" 18080 "$2")
    read -r bpid bport < <(start_haven "$1" 18180 "$2")
    "$loadgen" intake "http://127.0.0.1:$aport" 16 "$DURATION" >"$WORK/a.json" &
    local la=$!
    "$loadgen" intake "http://127.0.0.1:$bport" 16 "$DURATION" >"$WORK/b.json"
    wait "$la"
    kill "$apid" "$bpid"; wait "$apid" "$bpid" 2>/dev/null || true
    python3 - "$WORK/a.json" "$WORK/b.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print("%.1f %.1f %.1f %d" % (a["per_second"] + b["per_second"], max(a["p50_ms"], b["p50_ms"]),
      max(a["p99_ms"], b["p99_ms"]), a["failed"] + b["failed"]))
PY
}

say "Intake, two instances straight to PostgreSQL, 32 clients"
read -r d_rate d_p50 d_p99 d_failed < <(two_instances "$direct" none)
say "Intake, two instances through PgBouncer (transaction mode), 32 clients"
read -r p_rate p_p50 p_p99 p_failed < <(two_instances "$pooled" transaction)
server_conns=$(psql "postgres://postgres@127.0.0.1:$pgport/postgres" -Atqc \
    "SELECT count(*) FROM pg_stat_activity WHERE datname = 'haven'")

commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
section=$(cat <<MD
<!-- pgbouncer -->
## PgBouncer: two instances, one database

\`bench/pgbouncer.sh\`, commit $commit$dirty, $(date -u +%Y-%m-%d), ${DURATION} s each; two
\`haven serve\` instances on one database, 16 intake clients on each at once
(complete submissions: form, receipt hashed, report sealed and stored).
PgBouncer $(pgbouncer --version 2>/dev/null | head -n 1 | awk '{print $2}' || echo "?") in transaction mode, 40 server connections.

| path | reports/s | p50 ms | p99 ms | failed |
|---|---|---|---|---|
| straight to PostgreSQL | $d_rate | $d_p50 | $d_p99 | $d_failed |
| through PgBouncer | $p_rate | $p_p50 | $p_p99 | $p_failed |
<!-- /pgbouncer -->
MD
)
python3 - "$RESULTS_OUT" "$section" bench/HISTORY.md <<'PY'
import re, sys
path, section, history = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
pattern = re.compile(r"<!-- pgbouncer -->.*?<!-- /pgbouncer -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text)
else:
    # Before the history, which `ONLY=queue bench/run.sh` rewrites as the
    # file's end.
    first = history.splitlines()[0]
    at = text.index(first) if first in text else len(text)
    text = text[:at].rstrip("\n") + "\n\n" + section + "\n\n" + text[at:]
open(path, "w").write(text)
PY
say "Written to $RESULTS_OUT"
printf 'direct: %s/s p99 %s ms, %s failed; PgBouncer: %s/s p99 %s ms, %s failed\n' \
    "$d_rate" "$d_p99" "$d_failed" "$p_rate" "$p_p99" "$p_failed"
