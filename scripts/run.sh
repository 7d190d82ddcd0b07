#!/usr/bin/env bash
# Runs Haven on http://127.0.0.1:8080 for trying it out: makes PostgreSQL
# available, installs the fonts of the PDF reports when absent, creates the
# database, builds, migrates, creates a first admin account (printing its
# password once) and serves in development mode.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

port=$(pg_ensure_dev)
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:$port/haven}
export HAVEN_DEV=${HAVEN_DEV:-1}
if ! psql "postgres://postgres@127.0.0.1:$port/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = 'haven'" | grep -q 1; then
    say "Creating the database haven"
    psql "postgres://postgres@127.0.0.1:$port/postgres" -qc "CREATE DATABASE haven" >/dev/null
fi

# The PDF reports are set in Debian's Noto fonts, read at start-up.
if ! pdf_fonts_present; then
    say "Installing the fonts of the PDF reports with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-core fonts-noto-cjk >&2
fi

say "Building Haven (release)"
cargo build --release --locked
haven=target/release/haven
"$haven" migrate

admins=$(psql "$DATABASE_URL" -Atqc "SELECT count(*) FROM users WHERE role = 'admin'")
if [ "$admins" = "0" ]; then
    email=${HAVEN_ADMIN_EMAIL:-admin@haven.localhost}
    password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
    printf '%s\n' "$password" | "$haven" user create --email "$email" --role admin --password-stdin
    say "First admin account — write this down, it is shown only once:"
    printf '    email:    %s\n    password: %s\n' "$email" "$password" >&2
fi

say "Haven is starting on ${HAVEN_BASE_URL:-http://127.0.0.1:8080} (Ctrl-C to stop)"
exec "$haven" serve
