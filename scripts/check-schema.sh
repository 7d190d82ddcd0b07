#!/usr/bin/env bash
# Checks that src/db/schema.rs is what `diesel print-schema` makes of the
# migrations: applies them to a scratch database on the server named by
# $1 (a PostgreSQL URL whose database is replaced), prints the schema and
# compares. Installs the diesel CLI (PostgreSQL only) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:?usage: scripts/check-schema.sh postgres://user@host:port/db}
if ! command -v diesel >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/diesel" ]; then
    printf '==> Installing the diesel CLI (PostgreSQL only)\n' >&2
    cargo install --locked diesel_cli --no-default-features --features postgres >&2
fi
export PATH="$HOME/.cargo/bin:$PATH"
scratch="haven_schema_check_$$"
url="${server%/*}/$scratch"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
psql -q "$server" -c "CREATE DATABASE $scratch" >/dev/null
diesel migration run --database-url "$url" --migration-dir migrations >/dev/null
generated=$(mktemp)
diesel print-schema --database-url "$url" > "$generated"
if ! diff -u src/db/schema.rs "$generated"; then
    printf 'src/db/schema.rs does not match the migrations: run `diesel print-schema` (see the diff above).\n' >&2
    rm -f "$generated"
    exit 1
fi
rm -f "$generated"
printf 'src/db/schema.rs matches the migrations\n' >&2
