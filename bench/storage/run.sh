#!/usr/bin/env bash
# Storage benchmark: 1,000,000 parcel-event-like rows into SQLite (batched transactions of
# 50,000 rows, one prepared INSERT) and into a throw-away PostgreSQL 15 (COPY), rows/s each.
#   bench/storage/run.sh [ROWS=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
BIN=build/bench/storage/bulk_insert
[ -x "$BIN" ] || cmake --build "${BIN%/bench/*}" --target "$(basename "$BIN")"  # not in `make build`
work=$(mktemp -d)
source scripts/lib/pg-temp.sh
trap 'pg_temp_stop; rm -rf "$work"' EXIT
"$BIN" "$work/bench.db" "$ROWS"
pg_temp_start
"$BIN" "$PG_TEMP_URL" "$ROWS"
