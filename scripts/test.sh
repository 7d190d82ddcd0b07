#!/usr/bin/env bash
# Runs Haven's whole test suite. Sets up what the tests need on a fresh
# machine: PostgreSQL (installed if absent) in a throwaway cluster of its
# own, Debian's Chromium and ChromeDriver with fonts for all six scripts,
# poppler-utils to read the PDF reports back, and axe-core from the npm
# registry; starts them here and stops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

pg_install

# Browser tests: Debian's Chromium and ChromeDriver (never a downloaded
# browser), fonts for Latin, Chinese, Arabic-script Uyghur and Tibetan.
# PDF report tests: the same fonts (the PDFs embed them) and poppler-utils
# to read the PDFs back.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || ! command -v pdftotext >/dev/null || ! pdf_fonts_present \
    || ! fc-list 2>/dev/null | grep -qi "tibetan\|jomolhari"; then
    say "Installing Chromium, ChromeDriver, fonts and poppler-utils with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        chromium chromium-driver fonts-noto-core fonts-noto-cjk fonts-tibetan-machine \
        poppler-utils >&2
fi
# Packets: the age command opens them the way a recipient does.
if ! command -v age >/dev/null; then
    say "Installing age with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q age >&2 \
        || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
             as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q age >&2; }
fi
# The deployment files' check (deploy/check.sh) reads the Caddyfile and the
# torrc with Caddy and Tor themselves; without them it skips those files.
if ! command -v caddy >/dev/null || ! command -v tor >/dev/null; then
    say "Installing Caddy and Tor with apt-get (to check deploy/)"
    # Installed without starting them (a policy-rc.d that refuses, only if
    # the machine has none of its own): the check reads their files, it
    # needs no Caddy serving port 80 and no Tor client on the network.
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
        as_root chmod 755 "$policy"
    fi
    install_ops() {
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            caddy tor >&2
    }
    install_ops || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 && install_ops; } \
        || say "Caddy or Tor could not be installed: deploy/check.sh will skip them"
    if [ -n "$policy" ]; then as_root rm -f "$policy"; fi
fi
deps="$PWD/target/browser-deps"
if [ ! -f "$deps/node_modules/axe-core/axe.min.js" ]; then
    say "Installing axe-core from the npm registry"
    command -v npm >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm >&2
    mkdir -p "$deps"
    npm install --silent --no-audit --no-fund --prefix "$deps" axe-core@4 >&2
fi
export HAVEN_TEST_AXE="$deps/node_modules/axe-core/axe.min.js"

cluster=$(mktemp -d /tmp/haven-test-pg.XXXXXX)
chmod 755 "$cluster"
port=55432
while port_in_use "$port"; do port=$((port + 1)); done
driver_pid=""
# The browsers of this run are named by it (their profile folders), so that
# those a failed test left open are closed at the end, and no other run's.
export HAVEN_TEST_RUN="run$$"
cleanup() {
    [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
    pkill -f -- "haven-chromium-$HAVEN_TEST_RUN-" 2>/dev/null || true
    rm -rf "${TMPDIR:-/tmp}/haven-chromium-$HAVEN_TEST_RUN-"* 2>/dev/null || true
    pgbouncer_stop "$cluster/pgbouncer"
    pg_stop_cluster "$cluster/data"
    rm -rf "$cluster"
}
trap cleanup EXIT
say "Starting a throwaway PostgreSQL on port $port"
pg_start_cluster "$cluster/data" "$port" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300

export HAVEN_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"

# PgBouncer in transaction mode in front of it, for the tests that run
# Haven through a connection pooler.
bouncer_port=$((port + 1000))
while port_in_use "$bouncer_port"; do bouncer_port=$((bouncer_port + 1)); done
say "Starting PgBouncer (transaction mode) on port $bouncer_port"
pgbouncer_start "$cluster/pgbouncer" "$port" "$bouncer_port"
export HAVEN_TEST_PGBOUNCER_URL="postgres://postgres@127.0.0.1:$bouncer_port"

driver_port=59515
while port_in_use "$driver_port"; do driver_port=$((driver_port + 1)); done
chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 >"$cluster/chromedriver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 50); do port_in_use "$driver_port" && break; sleep 0.1; done
export HAVEN_TEST_WEBDRIVER="http://127.0.0.1:$driver_port"
export PATH="$(pg_bin_dir):$PATH"   # pg_dump of the same version, for the tests

# The shape of the house, on a whole run: formatting, clippy without a
# warning, and src/db/schema.rs exactly what the migrations make.
if [ $# -eq 0 ]; then
    say "Checking formatting, lints and the schema"
    cargo fmt --check
    cargo clippy --locked --all-targets -- -D warnings
    scripts/check-walls.sh
    scripts/check-schema.sh "$HAVEN_TEST_DATABASE_URL"
fi

say "Running the tests"
cargo test --locked --all-targets --no-fail-fast -- "$@"

# Dependencies against the RustSec advisory database, offline, when a copy
# is at hand (CI has one beside the repository).
if [ $# -eq 0 ] && [ -d "${HAVEN_ADVISORY_DB:-../shared/advisory-db}" ]; then
    say "Auditing dependencies against the RustSec advisory database"
    scripts/audit.sh
fi
