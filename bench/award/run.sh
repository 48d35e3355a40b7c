#!/usr/bin/env bash
# Award evaluation benchmark (docs/PERFORMANCE.md "Awards"): 100,000 entities × 12 months of
# ledger (1.2M rows) in a fresh SQLite file, then the 002 plan evaluated for 2019; generation,
# ledger read and rule evaluation timed separately. Prints the machine load first.
#   bench/award/run.sh [ENTITIES=100000] [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
BIN=${2:-build}/bench/award/award_bench
[ -x "$BIN" ] || cmake --build "${BIN%/bench/*}" --target "$(basename "$BIN")"  # not in `make build`
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cpus: $(nproc)"
"$BIN" "$work/bench.db" "$N"
