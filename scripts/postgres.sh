# Shell functions that make PostgreSQL available, whatever state the machine
# is in: running, installed but stopped, or not installed at all; and one
# that checks for the fonts of the PDF reports.
# Sourced by run.sh and test.sh; not meant to be run on its own.

PG_PACKAGE=${PG_PACKAGE:-postgresql}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Whether the font files the PDF reports are set in are installed
# (fonts-noto-core: Latin, Uyghur, Tibetan; fonts-noto-cjk: Chinese).
pdf_fonts_present() {
    local f
    for f in truetype/noto/NotoSans-Regular.ttf truetype/noto/NotoNaskhArabic-Regular.ttf \
        truetype/noto/NotoSerifTibetan-Regular.ttf opentype/noto/NotoSansCJK-Regular.ttc; do
        [ -f "/usr/share/fonts/$f" ] || return 1
    done
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints the bin directory of the newest PostgreSQL server installed, if any.
pg_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

# Installs the PostgreSQL server and client from the distribution when absent.
pg_install() {
    if pg_bin_dir >/dev/null && command -v psql >/dev/null 2>&1 && pkg-config --exists libpq 2>/dev/null; then
        return 0
    fi
    say "Installing PostgreSQL and libpq with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$PG_PACKAGE" postgresql-client libpq-dev pkg-config >&2
    pg_bin_dir >/dev/null || { echo "PostgreSQL still not found after installing it" >&2; return 1; }
}

# Runs a command as the OS user that owns PostgreSQL data when we are root
# (initdb and postgres refuse to run as root).
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Whether a trust-authenticated PostgreSQL answers on 127.0.0.1:$1.
pg_answers() {
    psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1
}

# Starts (creating it first if needed) a cluster in directory $1 on port $2,
# with trust authentication on loopback. Extra arguments go to postgres.
pg_start_cluster() {
    local dir=$1 port=$2; shift 2
    local bin; bin=$(pg_bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
        as_pg_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
    fi
    local opts="-p $port -c listen_addresses=127.0.0.1 -k $dir $*"
    as_pg_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null
}

pg_stop_cluster() {
    local bin; bin=$(pg_bin_dir) || return 0
    [ -f "$1/postmaster.pid" ] && as_pg_owner "$bin/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# Makes the development database server available and prints its port:
# the machine's own PostgreSQL on 5432 when it trusts loopback connections
# (starting it if it is installed but stopped), otherwise a cluster of our
# own under ./data/postgres.
pg_ensure_dev() {
    pg_install
    if pg_answers 5432; then echo 5432; return 0; fi
    if command -v pg_lsclusters >/dev/null 2>&1 && ! port_in_use 5432; then
        local version cluster
        read -r version cluster _ < <(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 {print $1, $2}' | head -n 1) || true
        if [ -n "${version:-}" ]; then
            say "Starting the installed PostgreSQL $version/$cluster"
            as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 2>/dev/null || true
            for _ in $(seq 1 30); do pg_answers 5432 && { echo 5432; return 0; }; sleep 0.5; done
        fi
    fi
    local dir="$PWD/data/postgres" port=5432
    while port_in_use "$port" && ! pg_answers "$port"; do port=$((port + 1)); done
    if ! pg_answers "$port"; then
        say "Starting Haven's own PostgreSQL cluster in $dir on port $port"
        pg_start_cluster "$dir" "$port"
    fi
    echo "$port"
}

# PgBouncer from the distribution (installed if absent), in transaction
# mode, in front of the server on 127.0.0.1:$2, listening on 127.0.0.1:$3,
# every database passed through; its files in directory $1.
pgbouncer_start() {
    local dir=$1 server_port=$2 port=$3
    if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
        say "Installing PgBouncer with apt-get"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgbouncer >&2 \
            || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
                 as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgbouncer >&2; }
    fi
    local bin; bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
    mkdir -p "$dir"
    printf '"postgres" ""\n' > "$dir/userlist.txt"
    cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$server_port user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
max_db_connections = 40
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
    # PgBouncer refuses to run as root.
    as_pg_owner "$bin" -d "$dir/pgbouncer.ini"
    for _ in $(seq 1 50); do port_in_use "$port" && return 0; sleep 0.1; done
    echo "PgBouncer did not start: see $dir/pgbouncer.log" >&2
    return 1
}

pgbouncer_stop() {
    [ -f "$1/pgbouncer.pid" ] && kill "$(cat "$1/pgbouncer.pid")" 2>/dev/null || true
}
