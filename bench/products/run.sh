#!/usr/bin/env bash
# Traceability benchmark (docs/PERFORMANCE.md "Products"): EVENTS trace events in batches of
# PER_BATCH generated into one county's store, one batch of 1,000 recorded through the service;
# then recording an event, the public page, the staff detail, events of one EPC (p50/p99) and the
# capture of a 10,000-event EPCIS document. SQLite by default; with RURALEC_BENCH_PG=1 also
# PostgreSQL. The 10,000,000-event store takes ~20 GB of disk in the temporary directory.
#   bench/products/run.sh [BUILD_DIR=build] [EVENTS=10000000] [PER_BATCH=100]
exec "$(dirname "$0")/../run-module.sh" products "$@"
