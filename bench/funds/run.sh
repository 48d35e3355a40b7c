#!/usr/bin/env bash
# Special-funds benchmark (docs/PERFORMANCE.md "Special funds"): 1,000,000 transfers in 100
# funds of a province, then the whole-ledger verify, one fund's verify, its balance sheet and
# its page figures, and one transfer on a loaded fund. SQLite by default; RURALEC_BENCH_PG=1
# adds PostgreSQL (a throw-away server). Takes minutes: run it on a quiet machine.
#   bench/funds/run.sh [BUILD_DIR=build] [FUNDS=100] [PROJECTS_PER_FUND=100]
exec "$(dirname "$0")/../run-module.sh" funds "$@"
