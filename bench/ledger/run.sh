#!/usr/bin/env bash
# Ledger read benchmark (issue 14 item 4: reads that named entities/brands/regions in SQL now ask
# their owner in one batch call per page): times the HTTP reads of the sales ledger and the entity
# list on a database with a large ledger, RUNS times each, and prints the median wall time and
# the server's CPU time per request, in milliseconds.
#   DB=ledger.db bench/ledger/run.sh [RUNS=5]
#   The database comes from bench/progress/run.sh (DB=ledger.db keeps it: demo county, 10,000
#   entities, 1,000,000 monthly rows) and needs its county user `progbench`.
#   RURALEC_BIN=…   another binary (e.g. an older build for a "before" figure)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
BIN=${RURALEC_BIN:-build/ruralec}
db=${DB:?DB=path to a database made by bench/progress/run.sh}
work=$(mktemp -d)
trap 'if [ -n "${serve_pid:-}" ]; then kill "$serve_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --db "$db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -fs -i -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"progbench","password":"Bench-Passw0rd-1"}' | grep -i '^set-cookie:' | sed 's/^[^:]*: //; s/;.*//')
year=$(sqlite3 "$db" "SELECT substr(MAX(period), 1, 4) FROM sales_records")
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$serve_pid/stat"; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for path in "sales?page_size=100" "sales?page_size=100&sort=amount_fen&order=desc" \
    "sales/ranking?year=$year&page_size=100" \
    "sales/over-threshold?year=$year&threshold_fen=100000000&page_size=100" \
    "sales/over-threshold?kind=brands&year=$year&threshold_fen=10000000&page_size=100" \
    "sales/summary?year=$year&entity_threshold_fen=100000000&brand_threshold_fen=10000000&page_size=100" \
    "entities?page_size=100"; do
  curl -fs -o "$work/out.json" -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/$path"  # warm
  start=$(cpu)
  times=()
  for _ in $(seq "$RUNS"); do
    times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/$path")")
  done
  end=$(cpu)
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END {
    print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  printf '%-100s median %6.0f ms  cpu %6.0f ms/request  sha %s\n' "GET /api/v1/$path" \
    "$(awk '{ print $1 * 1000 }' <<<"$median")" "$(awk -v a="$start" -v b="$end" -v n="$RUNS" 'BEGIN { print (b - a) * 1000 / n }')" \
    "$(sha256sum "$work/out.json" | cut -c1-12)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
