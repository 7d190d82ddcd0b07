#!/usr/bin/env bash
# Audits Haven's dependencies against the RustSec advisory database,
# offline: a snapshot in ../shared/advisory-db, or HAVEN_ADVISORY_DB.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${HAVEN_ADVISORY_DB:-../shared/advisory-db}
if [ ! -d "$db" ]; then
    echo "No advisory database at $db: set HAVEN_ADVISORY_DB to a copy of rustsec/advisory-db" >&2
    exit 2
fi
command -v cargo-audit >/dev/null || cargo install cargo-audit --locked
cargo audit --no-fetch --db "$db" --deny warnings
