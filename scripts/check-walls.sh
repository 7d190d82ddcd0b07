#!/usr/bin/env bash
# Checks the walls of the house: only the HTTP edge (src/web, src/routes,
# main.rs, startup.rs) names actix-web, and only src/db names diesel.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
edge=$(grep -rlE 'use actix_web|actix_web::' src | grep -vE '^src/(web|routes)/|^src/(main|startup|lib)\.rs$' || true)
if [ -n "$edge" ]; then
    printf 'actix-web used outside the HTTP edge (src/web, src/routes, startup):\n%s\n' "$edge" >&2
    status=1
fi
sql=$(grep -rlE 'diesel::|use diesel' src | grep -v '^src/db/' || true)
if [ -n "$sql" ]; then
    printf 'diesel used outside src/db:\n%s\n' "$sql" >&2
    status=1
fi
[ "$status" -eq 0 ] && printf 'the walls hold: actix-web only at the edge, diesel only in src/db\n' >&2
exit "$status"
