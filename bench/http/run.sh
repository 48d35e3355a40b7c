#!/usr/bin/env bash
# HTTP benchmark: wrk, 64 connections for DURATION (default 10 s), against
#   A) GET /api/v1/regions/341302000000/children (signed-in county user, SQLite), and
#   B) a 1 KB static file served by the same server,
# and prints requests/s, p99 latency and the ratio A/B. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10s}
BIN=build/ruralec
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/web"
head -c 1024 /dev/zero | tr '\0' 'x' >"$work/web/static-1k.txt"
echo '<!doctype html><title>bench</title>' >"$work/web/index.html"
$BIN regions import --db "$work/b.db" --counties 341302 >/dev/null
printf '%s' 'Bench-Passw0rd-1' | $BIN user add --db "$work/b.db" --username bench --role county_staff \
  --region 341302 --password-stdin >/dev/null
$BIN serve --db "$work/b.db" --listen "127.0.0.1:$port" --web "$work/web" 2>"$work/serve.log" >/dev/null &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -fs -i -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"bench","password":"Bench-Passw0rd-1"}' | grep -i '^set-cookie:' | sed 's/^[^:]*: //; s/;.*//')

run() {  # prints "<req/s> <p99>"
  wrk -t2 -c64 -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p99=$2}
    END {print rps, p99}'
}
read -r api_rps api_p99 < <(run -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/regions/341302000000/children")
read -r st_rps st_p99 < <(run "http://127.0.0.1:$port/static-1k.txt")
ratio=$(python3 -c "print(f'{$api_rps/$st_rps:.2f}')")
printf '%-44s %12s %10s\n' "endpoint" "requests/s" "p99"
printf '%-44s %12s %10s\n' "GET /api/v1/regions/341302000000/children" "$api_rps" "$api_p99"
printf '%-44s %12s %10s\n' "GET /static-1k.txt (1 KB static file)" "$st_rps" "$st_p99"
echo "ratio API/static: $ratio"
