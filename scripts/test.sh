#!/usr/bin/env bash
# Runs Haven's whole test suite. Sets up what the tests need on a fresh
# machine: PostgreSQL (installed if absent) in a throwaway cluster of its
# own, started here and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

pg_install

cluster=$(mktemp -d /tmp/haven-test-pg.XXXXXX)
chmod 755 "$cluster"
port=55432
while port_in_use "$port"; do port=$((port + 1)); done
cleanup() { pg_stop_cluster "$cluster/data"; rm -rf "$cluster"; }
trap cleanup EXIT
say "Starting a throwaway PostgreSQL on port $port"
pg_start_cluster "$cluster/data" "$port" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300

export HAVEN_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
export PATH="$(pg_bin_dir):$PATH"   # pg_dump of the same version, for the tests

say "Running the tests"
cargo test --locked --all-targets --no-fail-fast -- "$@"
