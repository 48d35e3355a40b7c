#!/usr/bin/env bash
# Public trace page benchmark (docs/PERFORMANCE.md "Products"): 1,000 batches in one county, one
# with EVENTS trace events, the median of 51 reads of its public page. SQLite by default; with
# RURALEC_BENCH_PG=1 also PostgreSQL.
#   bench/products/run.sh [BUILD_DIR=build] [EVENTS=100] [BATCHES=1000]
exec "$(dirname "$0")/../run-module.sh" products "$@"
