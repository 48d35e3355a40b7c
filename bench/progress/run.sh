#!/usr/bin/env bash
# Programme-progress benchmark: GET /api/v1/programmes/{id}/progress for seed 002 (埇桥区 2019)
# on a 1M-row sales ledger. Builds the ledger as bench/import/run.sh does (demo county, ROWS/100
# entities, ROWS monthly rows imported from csv by `ruralec sales import`), loads the seed with
# `ruralec programme load`, serves the database and times RUNS requests with curl (the first
# one is reported apart as "cold": it also parses the programme and warms SQLite's cache).
# Prints every time, the median of the warm ones and the server's mean CPU time per warm
# request, in milliseconds.
#   bench/progress/run.sh [ROWS=1000000] [RUNS=11]
#   RURALEC_BIN=… IMPORT_GEN=…   other binaries (e.g. an older build for a "before" figure)
#   DB=path.db                   reuse (or keep) the database: built only when the file is absent
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
RUNS=${2:-11}
BIN=${RURALEC_BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
work=$(mktemp -d)
trap 'if [ -n "${serve_pid:-}" ]; then kill "$serve_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
db=${DB:-$work/ledger.db}

if [ ! -f "$db" ]; then
  "$BIN" demo --db "$work/gen.db" >/dev/null
  "$GEN" --db "$work/gen.db" --out "$work" --rows "$ROWS" >/dev/null
  "$BIN" demo --db "$db" >/dev/null
  "$BIN" entities import --db "$db" --as county "$work/entities.csv" >/dev/null
  echo -n "import $ROWS rows: "
  "$GEN" --measure "$ROWS" -- "$BIN" sales import --db "$db" --as county "$work/sales.csv"
  printf '%s' 'Bench-Passw0rd-1' | "$BIN" user add --db "$db" --username progbench \
    --role county_staff --region 341302 --password-stdin >/dev/null
fi
"$BIN" programme load --db "$db" programmes/002_yongqiao_2019_upgrade.yaml >/dev/null
id=$(sqlite3 "$db" "SELECT MAX(id) FROM programmes WHERE programme_key = 'yongqiao_2019_upgrade'")
echo "ledger: $(sqlite3 "$db" 'SELECT COUNT(*) FROM sales_records') rows; programme id $id"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --db "$db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -fs -i -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"progbench","password":"Bench-Passw0rd-1"}' | grep -i '^set-cookie:' | sed 's/^[^:]*: //; s/;.*//')
url="http://127.0.0.1:$port/api/v1/programmes/$id/progress"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU seconds (user + system) the server has used so far: on a shared machine wall time mostly
# measures the queue for a core, CPU time what the request costs.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$serve_pid/stat"; }
times=()
for i in $(seq "$RUNS"); do
  times+=("$(curl -fs -o "$work/progress.json" -w '%{time_total}' -H "Cookie: $cookie" "$url")")
  if [ "$i" = 1 ]; then cpu_warm_start=$(cpu); fi
done
cpu_warm_end=$(cpu)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
ms() { awk '{ printf "%.0f", $1 * 1000 }' <<<"$1"; }
echo "GET …/progress cold: $(ms "${times[0]}") ms"
warm=("${times[@]:1}")
if ((${#warm[@]})); then
  echo -n "warm (ms):"; for t in "${warm[@]}"; do echo -n " $(ms "$t")"; done; echo
  median=$(printf '%s\n' "${warm[@]}" | sort -g | awk '{ t[NR] = $1 } END {
    print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  echo "GET …/progress warm median of ${#warm[@]}: $(ms "$median") ms wall"
  echo "GET …/progress warm mean server CPU: $(awk -v a="$cpu_warm_start" -v b="$cpu_warm_end" \
    -v n="${#warm[@]}" 'BEGIN { printf "%.0f", (b - a) * 1000 / n }') ms"
fi
if [ -n "${SAVE_JSON:-}" ]; then cp "$work/progress.json" "$SAVE_JSON"; fi
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
