#!/usr/bin/env bash
# Households benchmark (docs/PERFORMANCE.md "Households"): 500,000 households and ~1.7 million
# purchases of a province in a fresh database; the willing-and-able coverage rate of one county
# and its uncovered list. SQLite by default; RURALEC_BENCH_PG=1 adds PostgreSQL.
#   bench/households/run.sh [BUILD_DIR=build] [HOUSEHOLDS_PER_VILLAGE=25]
exec "$(dirname "$0")/../run-module.sh" households "$@"
