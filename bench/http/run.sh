#!/usr/bin/env bash
# HTTP benchmark (issue 20 item 1): wrk, 64 connections for DURATION (default 10 s) each, all
# against one server (SQLite, Release build recommended) in one run:
#   A) GET /api/v1/regions/341302000000/children  (a county user; 38 towns, page of 20)
#   B) GET /api/v1/entities?page=1                (the county's ENTITIES business entities)
#   C) GET /api/v1/sales?page=1                   (the county's ROWS monthly sales rows)
#   M) a mixed load: 90 % reads spread over A-C, 10 % writes (PUT a town's tags, audited)
#   S) a 1 KB static file served by the same server,
# and prints requests/s, p50 and p99 of each and the ratio of each API line to S.
#   bench/http/run.sh [DURATION] [ROWS]      env: BIN, IMPORT_GEN, THREADS (server workers)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10s}
ROWS=${2:-100000}
BIN=${BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/web"
head -c 1024 /dev/zero | tr '\0' 'x' >"$work/web/static-1k.txt"
echo '<!doctype html><title>bench</title>' >"$work/web/index.html"
# The demo county (埇桥区) with generated entities and sales rows (the import bench's generator).
$BIN demo --db "$work/gen.db" >/dev/null
$GEN --db "$work/gen.db" --out "$work" --rows "$ROWS" >/dev/null
$BIN demo --db "$work/b.db" >/dev/null
$BIN entities import --db "$work/b.db" --as county "$work/entities.csv" >/dev/null
$BIN sales import --db "$work/b.db" --as county "$work/sales.csv" >/dev/null
printf '%s' 'Load-Test-Passw0rd-9' | $BIN user add --db "$work/b.db" --username loadtest \
  --role county_staff --region 341302 --password-stdin >/dev/null
threads=()
[ -n "${THREADS:-}" ] && threads=(--threads "$THREADS")
$BIN serve --db "$work/b.db" --listen "127.0.0.1:$port" --web "$work/web" "${threads[@]}" \
  2>"$work/serve.log" >/dev/null &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.1; done
login=$(curl -fs -i -X POST "$base/api/v1/auth/login" \
  -d '{"username":"loadtest","password":"Load-Test-Passw0rd-9"}')
cookie=$(grep -i '^set-cookie:' <<<"$login" | sed 's/^[^:]*: //; s/;.*//')
csrf=$(sed -n '/^\r\?$/,$p' <<<"$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
towns=$(curl -fs -H "Cookie: $cookie" "$base/api/v1/regions/341302000000/children" |
  python3 -c 'import json,sys; print(", ".join("\"%s\"" % r["code"] for r in json.load(sys.stdin)["items"][:4]))')
tag=$(curl -fs -H "Cookie: $cookie" "$base/api/v1/region-tags" |
  python3 -c 'import json,sys; d=json.load(sys.stdin); d=d["items"] if isinstance(d, dict) else d; print(d[0]["name"])')

# The mixed load: each connection cycles through 10 requests, one of them a write.
cat >"$work/mixed.lua" <<EOF
local reads = {"/api/v1/regions/341302000000/children", "/api/v1/entities?page=1",
               "/api/v1/sales?page=1"}
local towns = {$towns}
local n = 0
request = function()
  n = n + 1
  if n % 10 == 0 then
    local tags = (n % 20 == 0) and '["$tag"]' or '[]'
    return wrk.format("PUT", "/api/v1/regions/" .. towns[(n / 10) % 4 + 1] .. "/tags",
      {["Cookie"] = "$cookie", ["X-CSRF-Token"] = "$csrf",
       ["Content-Type"] = "application/json"}, '{"tags":' .. tags .. '}')
  end
  return wrk.format("GET", reads[n % 3 + 1], {["Cookie"] = "$cookie"})
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
EOF

run() {  # prints "<req/s> <p50> <p99> <non-2xx>"
  wrk -t2 -c64 -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF}
    /^non-2xx/ {bad=$2}
    END {print rps, p50, p99, bad+0}'
}
line() { printf '%-44s %12s %10s %10s %8s\n' "$@"; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r st_rps st_p50 st_p99 st_bad < <(run "$base/static-1k.txt")
read -r a_rps a_p50 a_p99 a_bad < <(run -H "Cookie: $cookie" "$base/api/v1/regions/341302000000/children")
read -r b_rps b_p50 b_p99 b_bad < <(run -H "Cookie: $cookie" "$base/api/v1/entities?page=1")
read -r c_rps c_p50 c_p99 c_bad < <(run -H "Cookie: $cookie" "$base/api/v1/sales?page=1")
read -r m_rps m_p50 m_p99 m_bad < <(run -s "$work/mixed.lua" "$base")
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
line "endpoint" "requests/s" "p50" "p99" "errors"
line "GET /static-1k.txt (1 KB static file)" "$st_rps" "$st_p50" "$st_p99" "$st_bad"
line "GET /api/v1/regions/341302000000/children" "$a_rps" "$a_p50" "$a_p99" "$a_bad"
line "GET /api/v1/entities?page=1" "$b_rps" "$b_p50" "$b_p99" "$b_bad"
line "GET /api/v1/sales?page=1" "$c_rps" "$c_p50" "$c_p99" "$c_bad"
line "mixed: 90% the three lists, 10% PUT tags" "$m_rps" "$m_p50" "$m_p99" "$m_bad"
python3 -c "print('ratio to static: children %.2f, entities %.2f, sales %.2f, mixed %.2f' % \
  ($a_rps/$st_rps, $b_rps/$st_rps, $c_rps/$st_rps, $m_rps/$st_rps))"
