#!/usr/bin/env bash
# Matching benchmark (docs/PERFORMANCE.md "Matching"): 100,000 open listings in one county, one
# demand, the first page of its proposals (median of 21 runs). PRODUCTS=1 is the worst case
# (every listing a candidate). SQLite by default; with RURALEC_BENCH_PG=1 also PostgreSQL.
#   bench/matching/run.sh [BUILD_DIR=build] [LISTINGS=100000] [PRODUCTS=20]
exec "$(dirname "$0")/../run-module.sh" matching "$@"
