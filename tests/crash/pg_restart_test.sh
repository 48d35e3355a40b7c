#!/usr/bin/env bash
# PostgreSQL restarted under load (issue 20 item 4; docs/TESTING.md "Crash sweep"): the real
# server on a throw-away PostgreSQL (scripts/lib/pg-temp.sh) takes a stream of writes (one
# region tag defined per request, 4 clients in a loop); PostgreSQL is stopped with `-m immediate` (a crash:
# no shutdown checkpoint) and started again mid-stream. Expected: every write answered 201
# is there afterwards (none lost; a write whose answer was lost with the connection may be
# either: it is counted), the app reconnects by itself (every request from 0.5 s after PostgreSQL is up again
# succeeds), and
# `ruralec audit verify` passes.  Run by scripts/test-pg.
#   pg_restart_test.sh RURALEC [REQUESTS_BEFORE_THE_RESTART=60]
set -euo pipefail
RURALEC=$(realpath "$1") N=${2:-60}
cd "$(dirname "$0")/../.."
source scripts/lib/pg-temp.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-pgrestart.XXXXXX")
cleanup() { [ -n "${KEEP:-}" ] && { cp "$work/serve.log" /tmp/pgr-serve.log; cat "$work"/client? > /tmp/pgr-all;  }; kill "${pid:-}" 2>/dev/null || true; pg_temp_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_temp_start >/dev/null
url=$PG_TEMP_URL key=$work/field.key
export RURALEC_REFDATA=$PWD/node_modules
"$RURALEC" regions import --db "$url" --key-file "$key" --counties 341302 >/dev/null
echo 'Sturdy-Passw0rd!' | "$RURALEC" user add --db "$url" --key-file "$key" --username load \
  --role county_staff --region 341302 --password-stdin >/dev/null
"$RURALEC" serve --db "$url" --key-file "$key" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -qs listening "$work/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$work/serve.log")
csrf=$(curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username":"load","password":"Sturdy-Passw0rd!"}' "$base/api/v1/auth/login" |
  sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
tag='{"name": "NAME", "label": "重启测试"}'
now_ms() { date +%s%3N; }
client() {  # one line per request: "<name> <status> <start ms>", until $work/stop exists
  local i=0
  while [ ! -e "$work/stop" ]; do
    i=$((i + 1))
    local t0 code
    t0=$(now_ms)
    code=$(curl -sS -m 20 -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -o /dev/null -w '%{http_code}' -d "${tag/NAME/c$1_$i}" "$base/api/v1/region-tags" || echo 000)
    echo "c$1_$i $code $t0" >>"$work/client$1"
    sleep 0.02
  done
}
for c in 1 2 3 4; do client $c & done
# Once N requests are answered, PostgreSQL crashes (-m immediate) and starts again (`restart`
# keeps its options; -w: until it accepts connections); the load goes on for 3 s more.
until [ "$(cat "$work"/client? 2>/dev/null | wc -l)" -ge "$N" ]; do sleep 0.05; done
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -m immediate -w \
  -t 60 restart >/dev/null
up=$(now_ms)
sleep 3
touch "$work/stop"
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
cat "$work"/client? >"$work/all"
ok=$(awk '$2 == 201' "$work/all" | wc -l)
echo "requests $(wc -l <"$work/all"), acknowledged $ok, refused: $(awk '$2 != 201 {print $2}' "$work/all" | sort | uniq -c | tr '\n' ' ')"
[ "$ok" -lt "$(wc -l <"$work/all")" ] || { echo "FAIL: the restart refused no request: it came too late"; exit 1; }
# Reconnected: every request started 0.5 s after PostgreSQL accepted connections again succeeds.
late=$(awk -v t=$((up + 500)) '$3 >= t' "$work/all" | wc -l)
late_bad=$(awk -v t=$((up + 500)) '$3 >= t && $2 != 201' "$work/all" | wc -l)
echo "after the restart: $late requests, $late_bad refused"
[ "$late" -gt 0 ] && [ "$late_bad" = 0 ] || { echo "FAIL: the app did not reconnect"; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null || true
stored=$(psql "$url" -Atc "SELECT name FROM region_tag_defs WHERE name LIKE 'c%'" | sort)
acked=$(awk '$2 == 201 {print $1}' "$work/all" | sort)
lost=$(comm -13 <(echo "$stored") <(echo "$acked") | wc -l)
extra=$(comm -23 <(echo "$stored") <(echo "$acked") | grep -c . || true)
echo "stored $(echo "$stored" | grep -c .), lost acknowledged $lost, stored but refused $extra"
[ "$lost" = 0 ] || { echo "FAIL: acknowledged writes lost"; exit 1; }
"$RURALEC" audit verify --db "$url" --key-file "$key"
echo PASS
