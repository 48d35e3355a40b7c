#!/usr/bin/env bash
# Runs one module benchmark program (bench/<name>/<name>_bench) on a fresh SQLite file, and with
# RURALEC_BENCH_PG=1 also on a throw-away PostgreSQL server (scripts/lib/pg-temp.sh); prints the
# load average and `uptime` first, since the machine may be shared and the figures noisy.
#   bench/run-module.sh NAME [BUILD_DIR=build] [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
BIN=${2:-build}/bench/$name/${name}_bench
[ -x "$BIN" ] || cmake --build "${BIN%/bench/*}" --target "$(basename "$BIN")"  # not in `make build`
shift $(( $# >= 2 ? 2 : 1 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "uptime: $(uptime), cpus: $(nproc)"
"$BIN" "$work/bench.db" "$@"
if [ "${RURALEC_BENCH_PG:-0}" = 1 ]; then
  source scripts/lib/pg-temp.sh
  trap 'pg_temp_stop; rm -rf "$work"' EXIT
  pg_temp_start
  "$BIN" "$PG_TEMP_URL" "$@"
fi
