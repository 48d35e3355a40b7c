#!/usr/bin/env bash
# Training benchmark (docs/PERFORMANCE.md "Training"): 200,000 trainees, 5,000 sessions and
# 2,000,000 attendance rows in a fresh database; person-times per county for a year (median of
# 21 runs) and a 100,000-row sign-in-sheet import. SQLite by default; with RURALEC_BENCH_PG=1
# also PostgreSQL (a throw-away server, scripts/lib/pg-temp.sh). Takes minutes: do not run it
# on a shared, loaded machine.
#   bench/training/run.sh [BUILD_DIR=build]
exec "$(dirname "$0")/../run-module.sh" training "$@"
