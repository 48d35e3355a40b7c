#!/usr/bin/env bash
# Station registry benchmark (docs/PERFORMANCE.md "Stations"): 15,000 stations × 24 months × 10
# service items in a fresh database; the filtered list page and county coverage as of a date
# (medians of 21 runs) and a 100,000-row service-record import. SQLite by default; with
# RURALEC_BENCH_PG=1 also PostgreSQL (a throw-away server, scripts/lib/pg-temp.sh).
#   bench/station/run.sh [BUILD_DIR=build]
exec "$(dirname "$0")/../run-module.sh" station "$@"
