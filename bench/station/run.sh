#!/usr/bin/env bash
# Station registry benchmark (docs/PERFORMANCE.md "Stations"): 15,000 stations × 24 months × 10
# service items in a fresh database; the filtered list page and county coverage as of a date
# (medians of 21 runs) and a 100,000-row service-record import. SQLite by default; with
# RURALEC_BENCH_PG=1 also PostgreSQL (a throw-away server, scripts/lib/pg-temp.sh).
#   bench/station/run.sh [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-build}/bench/station/station_bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cpus: $(nproc)"
"$BIN" "$work/bench.db"
if [ "${RURALEC_BENCH_PG:-0}" = 1 ]; then
  source scripts/lib/pg-temp.sh
  trap 'pg_temp_stop; rm -rf "$work"' EXIT
  pg_temp_start
  "$BIN" "$PG_TEMP_URL"
fi
