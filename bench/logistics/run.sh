#!/usr/bin/env bash
# Daily co-delivery plan benchmark (docs/PERFORMANCE.md "Logistics"): a deterministic 380-village
# county, SolvePlan with a time limit (default 8 s); prints the load first.
#   bench/logistics/run.sh [BUILD_DIR=build] [VILLAGES=380] [TIME_LIMIT_SECONDS=8]
exec "$(dirname "$0")/../run-module.sh" logistics "$@"
