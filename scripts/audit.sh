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
# RUSTSEC-2023-0089 (atomic-polyfill unmaintained): listed in Cargo.lock
# through phonenumber's build-time metadata (postcard → heapless 0.7), which
# compiles it only for targets without atomic instructions; it is not built
# for any target Haven runs on (`cargo tree -i atomic-polyfill` is empty).
# RUSTSEC-2026-0173 (proc-macro-error2 unmaintained): a procedural macro
# that i18n-embed-fl, the age crate's message macro, runs at compile time;
# none of its code is in the binary (`cargo tree -i proc-macro-error2`).
# RUSTSEC-2023-0071 (rsa, the Marvin attack): timing that leaks an RSA
# *private* key while it decrypts or signs. The rsa crate comes with
# webauthn-rs (through crypto-glue), which uses it only to verify RS256
# signatures of passkeys (Windows Hello) with their public keys; Haven holds
# no RSA private key and never decrypts with RSA (`cargo tree -i rsa`).
# None of these is a vulnerability of Haven's; anything else unmaintained,
# yanked, unsound or vulnerable fails.
cargo audit --no-fetch --db "$db" --deny warnings --ignore RUSTSEC-2023-0089 \
    --ignore RUSTSEC-2026-0173 --ignore RUSTSEC-2023-0071
