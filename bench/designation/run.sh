#!/usr/bin/env bash
# Designations benchmark (docs/PERFORMANCE.md "Designations"): 63,000 designations of a
# province-sized region tree in a fresh database; the filtered list page (county and province),
# demonstration_units for a county and the province, and the award engine's RecognisedIn read
# (medians of 21 runs). SQLite by default; with RURALEC_BENCH_PG=1 also PostgreSQL (a
# throw-away server, scripts/lib/pg-temp.sh).
#   bench/designation/run.sh [BUILD_DIR=build]
exec "$(dirname "$0")/../run-module.sh" designation "$@"
