# Sourced by scripts/test-pg and bench/storage/run.sh: a throw-away PostgreSQL 15 server from
# Debian's postgresql-15, in a temporary directory, listening only on a Unix socket there.
#   pg_temp_start   sets PG_TEMP_URL (a postgresql:// URL for database "postgres")
#   pg_temp_stop    stops the server and removes the directory (safe to call twice)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_TEMP_DIR=""
PG_TEMP_URL=""

pg_temp_start() {
  [ -x "$PGBIN/initdb" ] || { echo "pg-temp: $PGBIN/initdb not found (postgresql-15; run scripts/setup)" >&2; return 1; }
  PG_TEMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-pg.XXXXXX")
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then  # initdb and postgres refuse to run as root
    chown postgres "$PG_TEMP_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$PG_TEMP_DIR/initdb.log" 2>&1 || { cat "$PG_TEMP_DIR/initdb.log" >&2; return 1; }
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w -o \
    "-k $PG_TEMP_DIR -p $port -c listen_addresses='' -c max_connections=400 ${PG_TEMP_OPTIONS:-}" start >/dev/null \
    || { cat "$PG_TEMP_DIR/server.log" >&2; return 1; }
  PG_TEMP_URL="postgresql:///postgres?host=$PG_TEMP_DIR&port=$port&user=postgres"
  echo "pg-temp: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $PG_TEMP_DIR (port $port)"
}

pg_temp_stop() {
  [ -n "$PG_TEMP_DIR" ] || return 0
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEMP_DIR"
  PG_TEMP_DIR=""
}
