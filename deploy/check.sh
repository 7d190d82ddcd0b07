#!/usr/bin/env bash
# Checks Haven's deployment files with the tools that read them, when those
# tools are installed, and says what it checked and what it skipped:
#
#   systemd-analyze verify   systemd/haven.service, haven-purge.service,
#                            haven-purge.timer
#   systemd-sysusers         systemd/haven.sysusers (into a scratch root)
#   caddy validate           Caddyfile
#   tor --verify-config      torrc
#   docker compose config    compose.yaml (with placeholder settings)
#   bash -n                  build-image.sh and this script
#
# It changes nothing outside a temporary folder: the units are verified as
# copies whose ExecStart= points at a stand-in binary there, and torrc as a
# copy whose HiddenServiceDir and DataDirectory are there too. Exits 1 when
# a check fails (skipped checks do not fail). Run from anywhere:
#   deploy/check.sh
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/haven-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
chmod 700 "$tmp"

checked=0
skipped=0
failed=0

ok() {
    checked=$((checked + 1))
    printf '  ok       %s\n' "$1"
}
skip() {
    skipped=$((skipped + 1))
    printf '  skipped  %s (%s)\n' "$1" "$2"
}
fail() {
    failed=$((failed + 1))
    printf '  FAILED   %s\n' "$1"
    sed 's/^/           | /' "$2"
}
# Shows a tool's warnings under a passed check.
notes() {
    [ -s "$1" ] && sed 's/^/           note: /' "$1"
    return 0
}

echo "Checking Haven's deployment files in $here"

# --- systemd units -----------------------------------------------------
units="haven.service haven-purge.service haven-purge.timer"
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir -p "$tmp/units" "$tmp/bin"
    # verify wants ExecStart='s program to exist; never touch /usr/local/bin.
    printf '#!/bin/sh\nexit 0\n' > "$tmp/bin/haven"
    chmod 755 "$tmp/bin/haven"
    for unit in $units; do
        sed "s#/usr/local/bin/haven#$tmp/bin/haven#g" "$here/systemd/$unit" > "$tmp/units/$unit"
    done
    # Any message fails the check: systemd only warns about an unknown or
    # misspelt setting and goes on without it, and a sandbox setting lost
    # that way would go unnoticed.
    if (cd "$tmp/units" && systemd-analyze verify --man=no $units) > "$tmp/verify.out" 2>&1 \
        && ! [ -s "$tmp/verify.out" ]; then
        ok "systemd-analyze verify: $units ($(systemctl --version 2>/dev/null | head -n1 || echo systemd))"
    else
        fail "systemd-analyze verify: $units" "$tmp/verify.out"
    fi
else
    skip "systemd-analyze verify: $units" "systemd-analyze not installed"
fi

if command -v systemd-sysusers >/dev/null 2>&1; then
    mkdir -p "$tmp/sysroot/etc"
    if systemd-sysusers --root="$tmp/sysroot" "$here/systemd/haven.sysusers" > "$tmp/sysusers.out" 2>&1 \
        && grep -q '^haven:' "$tmp/sysroot/etc/passwd"; then
        ok "systemd-sysusers: haven.sysusers creates the haven user"
    else
        fail "systemd-sysusers: haven.sysusers" "$tmp/sysusers.out"
    fi
else
    skip "systemd-sysusers: haven.sysusers" "systemd-sysusers not installed"
fi

# --- Caddy -------------------------------------------------------------
if command -v caddy >/dev/null 2>&1; then
    # Caddy may write its data and config folders under HOME: keep them here.
    if HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
        caddy validate --config "$here/Caddyfile" --adapter caddyfile > "$tmp/caddy.out" 2>&1; then
        ok "caddy validate: Caddyfile (caddy $(caddy version 2>/dev/null | cut -d' ' -f1))"
        grep -E '"level":"(warn|error)"' "$tmp/caddy.out" \
            | sed -E 's/.*"msg":"([^"]*)".*/\1/' > "$tmp/caddy.notes" || true
        notes "$tmp/caddy.notes"
    else
        fail "caddy validate: Caddyfile" "$tmp/caddy.out"
    fi
else
    skip "caddy validate: Caddyfile" "caddy not installed"
fi

# --- Tor ---------------------------------------------------------------
if command -v tor >/dev/null 2>&1; then
    mkdir -p "$tmp/tor"
    chmod 700 "$tmp/tor"
    sed "s#^HiddenServiceDir .*#HiddenServiceDir $tmp/tor/haven/#" "$here/torrc" > "$tmp/tor/torrc"
    printf 'DataDirectory %s/tor/data\n' "$tmp" >> "$tmp/tor/torrc"
    : > "$tmp/tor/defaults"
    if tor --defaults-torrc "$tmp/tor/defaults" --verify-config -f "$tmp/tor/torrc" > "$tmp/tor.out" 2>&1; then
        ok "tor --verify-config: torrc ($(tor --version 2>/dev/null | head -n1 | sed 's/\.$//'))"
    else
        fail "tor --verify-config: torrc" "$tmp/tor.out"
    fi
else
    skip "tor --verify-config: torrc" "tor not installed"
fi

# --- Compose -----------------------------------------------------------
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    mkdir -p "$tmp/compose"
    cp "$here/compose.yaml" "$tmp/compose/"
    printf 'HAVEN_DB_PASSWORD=placeholder\n' > "$tmp/compose/.env"
    printf 'HAVEN_BASE_URL=https://haven.example.org\n' > "$tmp/compose/haven.env"
    if (cd "$tmp/compose" && docker compose config --quiet) > "$tmp/compose.out" 2>&1; then
        ok "docker compose config: compose.yaml"
    else
        fail "docker compose config: compose.yaml" "$tmp/compose.out"
    fi
else
    skip "docker compose config: compose.yaml" "docker compose not installed"
fi

# --- Shell scripts -----------------------------------------------------
for script in build-image.sh check.sh; do
    if bash -n "$here/$script" > "$tmp/bash.out" 2>&1; then
        ok "bash -n: $script"
    else
        fail "bash -n: $script" "$tmp/bash.out"
    fi
done

echo "Summary: $checked checked, $skipped skipped, $failed failed"
[ "$failed" -eq 0 ]
