#!/usr/bin/env bash
# Sales-import benchmark: ROWS monthly sales rows of ROWS/100 entities, as csv and as xlsx
# (libxlsxwriter, constant-memory mode), each imported by the real CLI
# (`ruralec sales import`, all-or-nothing) into a fresh SQLite database (demo county +
# entities), and the csv also into a throw-away PostgreSQL 15. Prints wall and CPU time,
# rows/s and the child's peak RSS (getrusage ru_maxrss) per run, and the load average; then
# times the per-region summary table (API and xlsx export) on the imported 1M-row ledger.
# Right before each csv import the raw rate is measured on the same backend in the same run:
# bench/storage's bulk_insert (ROWS seven-column rows through storage::Connection::BulkInsert,
# one prepared INSERT on SQLite, COPY on PostgreSQL, into a table without indexes), and the
# import's rate is printed as a share of it ("ratio", wall and, for SQLite, CPU).
#   bench/import/run.sh [ROWS=1000000]
#   (RURALEC_BIN, IMPORT_GEN, BULK_BIN to pick binaries; SKIP_PG=1, SKIP_XLSX=1 to skip runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
BIN=${RURALEC_BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
BULK=${BULK_BIN:-$(dirname "$GEN")/../storage/bulk_insert}
[ -x "$BULK" ] || cmake --build "${BULK%/bench/*}" --target bulk_insert  # not in `make build`
work=$(mktemp -d)
source scripts/lib/pg-temp.sh
trap 'pg_temp_stop; if [ -n "${serve_pid:-}" ]; then kill "$serve_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

fresh_db() {  # demo county + the generated entities; $2: field key file (PostgreSQL)
  "$BIN" demo --db "$1" ${2:+--key-file "$2"} >/dev/null
  "$BIN" entities import --db "$1" ${2:+--key-file "$2"} --as county "$work/entities.csv" >/dev/null
}

"$BIN" demo --db "$work/gen.db" >/dev/null
xlsx=--xlsx
[ "${SKIP_XLSX:-0}" = 1 ] && xlsx=
"$GEN" --db "$work/gen.db" --out "$work" --rows "$ROWS" $xlsx
ls -l "$work"/sales.* | awk '{print "  " $9 ": " $5 " bytes"}'

source bench/lib/measure.sh  # measure, ratio

fresh_db "$work/csv.db"
measure "SQLite raw BulkInsert" "$BULK" "$work/raw.db" "$ROWS"
measure "SQLite csv" "$BIN" sales import --db "$work/csv.db" --as county "$work/sales.csv"
ratio "SQLite raw BulkInsert" "SQLite csv" cpu
if [ "${SKIP_XLSX:-0}" != 1 ]; then
  fresh_db "$work/xlsx.db"
  measure "SQLite xlsx" "$BIN" sales import --db "$work/xlsx.db" --as county "$work/sales.xlsx"
fi
# The summary table on the 1M-row ledger the csv import left: GET /api/v1/sales/summary for the
# county (every town, both thresholds) and its xlsx export, three times each; seconds per
# request (SKIP_SUMMARY=1 skips it).
summary() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf '%s' 'Bench-Passw0rd-1' | "$BIN" user add --db "$work/csv.db" --username sumbench \
    --role county_staff --region 341302 --password-stdin >/dev/null
  "$BIN" serve --db "$work/csv.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -fs -i -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
    -d '{"username":"sumbench","password":"Bench-Passw0rd-1"}' | grep -i '^set-cookie:' | sed 's/^[^:]*: //; s/;.*//')
  year=$(sqlite3 "$work/csv.db" "SELECT substr(MAX(period), 1, 4) FROM sales_records")
  q="year=$year&entity_threshold_fen=100000000&brand_threshold_fen=10000000"
  for path in "summary?$q&page_size=100" "summary/export?$q"; do
    echo -n "summary GET /api/v1/sales/$path:"
    for _ in 1 2 3; do
      curl -fs -o /dev/null -w ' %{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/sales/$path"
    done
    echo " s"
  done
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
}
[ "${SKIP_SUMMARY:-0}" = 1 ] || summary
if [ "${SKIP_PG:-0}" != 1 ]; then
  pg_temp_start
  fresh_db "$PG_TEMP_URL" "$work/pg.key"
  # The client's CPU time says little here (the server does the work): wall time only.
  measure "PostgreSQL raw COPY" "$BULK" "$PG_TEMP_URL" "$ROWS"
  measure "PostgreSQL csv" "$BIN" sales import --db "$PG_TEMP_URL" --key-file "$work/pg.key" \
    --as county "$work/sales.csv"
  ratio "PostgreSQL raw COPY" "PostgreSQL csv"
fi
