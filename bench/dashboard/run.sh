#!/usr/bin/env bash
# Monitoring screen benchmark (docs/PERFORMANCE.md "Dashboard"): a generated province (100
# counties, 20,000 villages, 30,000 entities × 24 months of sales, 15,000 stations) opened with
# every module; the screen load and each panel for a county, a city and the province. SQLite by
# default; with RURALEC_BENCH_PG=1 also PostgreSQL (a throw-away server, scripts/lib/pg-temp.sh).
#   bench/dashboard/run.sh [BUILD_DIR=build] [RUNS=25]
exec "$(dirname "$0")/../run-module.sh" dashboard "$@"
