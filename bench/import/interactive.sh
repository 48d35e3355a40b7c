#!/usr/bin/env bash
# Interactive writes during a big import (issue 15 item 8): while `ruralec sales import`
# (all-or-nothing, csv, SQLite) imports ROWS rows, a second process writes one row per
# transaction (BEGIN IMMEDIATE, INSERT, COMMIT; synchronous=FULL and a 10 s busy timeout, like
# the server) every 20 ms, and the time each write waited is recorded. Prints the import's wall
# time, the probe count, the median / p99 / max write time and the busy failures (what the
# server would answer 503). Run it against two binaries to compare.
#   bench/import/interactive.sh [ROWS=100000]   (RURALEC_BIN, IMPORT_GEN to override)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
BIN=${RURALEC_BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$BIN" demo --db "$work/gen.db" >/dev/null
"$GEN" --db "$work/gen.db" --out "$work" --rows "$ROWS" >/dev/null
"$BIN" demo --db "$work/bench.db" >/dev/null
"$BIN" entities import --db "$work/bench.db" --as county "$work/entities.csv" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/bench.db" "$BIN" "$work/sales.csv" <<'EOF'
import sqlite3, statistics, subprocess, sys, time
db, binary, csv = sys.argv[1:4]
probe = sqlite3.connect(db, timeout=10, isolation_level=None)
probe.execute("PRAGMA synchronous=FULL")
probe.execute("CREATE TABLE IF NOT EXISTS bench_probe (at REAL)")
waits, busy = [], 0
start = time.monotonic()
imp = subprocess.Popen([binary, "sales", "import", "--db", db, "--as", "county", csv],
                       stdout=subprocess.DEVNULL)
while imp.poll() is None:
    t = time.monotonic()
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("INSERT INTO bench_probe (at) VALUES (?)", (t,))
        probe.execute("COMMIT")
        waits.append(time.monotonic() - t)
    except sqlite3.OperationalError:
        busy += 1
    time.sleep(0.02)
wall = time.monotonic() - start
if imp.returncode != 0:
    sys.exit("import failed: %d" % imp.returncode)
waits.sort()
p99 = waits[int(len(waits) * 0.99)] if waits else 0
print("import %.2f s wall; %d interactive writes: median %.1f ms, p99 %.0f ms, max %.0f ms; "
      "busy (503) %d" % (wall, len(waits), statistics.median(waits) * 1000, p99 * 1000,
                         waits[-1] * 1000, busy))
EOF
