#!/usr/bin/env bash
# Sales-import benchmark: ROWS monthly sales rows of ROWS/100 entities, as csv and as xlsx
# (libxlsxwriter, constant-memory mode), each imported by the real CLI
# (`ruralec sales import`, all-or-nothing) into a fresh SQLite database (demo county +
# entities), and the csv also into a throw-away PostgreSQL 15. Prints wall and CPU time,
# rows/s and the child's peak RSS (getrusage ru_maxrss) per run, and the load average.
#   bench/import/run.sh [ROWS=1000000]     (RURALEC_BIN, IMPORT_GEN, SKIP_PG=1 to override)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
BIN=${RURALEC_BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
work=$(mktemp -d)
source scripts/lib/pg-temp.sh
trap 'pg_temp_stop; rm -rf "$work"' EXIT

fresh_db() {  # demo county + the generated entities; $2: field key file (PostgreSQL)
  "$BIN" demo --db "$1" ${2:+--key-file "$2"} >/dev/null
  "$BIN" entities import --db "$1" ${2:+--key-file "$2"} --as county "$work/entities.csv" >/dev/null
}

"$BIN" demo --db "$work/gen.db" >/dev/null
"$GEN" --db "$work/gen.db" --out "$work" --rows "$ROWS" --xlsx
ls -l "$work/sales.csv" "$work/sales.xlsx" | awk '{print "  " $9 ": " $5 " bytes"}'
for fmt in csv xlsx; do
  fresh_db "$work/$fmt.db"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo -n "SQLite $fmt: "
  "$GEN" --measure "$ROWS" -- "$BIN" sales import --db "$work/$fmt.db" --as county "$work/sales.$fmt"
done
if [ "${SKIP_PG:-0}" != 1 ]; then
  pg_temp_start
  fresh_db "$PG_TEMP_URL" "$work/pg.key"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo -n "PostgreSQL csv: "
  "$GEN" --measure "$ROWS" -- "$BIN" sales import --db "$PG_TEMP_URL" --key-file "$work/pg.key" \
    --as county "$work/sales.csv"
fi
