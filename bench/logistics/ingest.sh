#!/usr/bin/env bash
# Carrier-file ingest benchmark (issue 22 Measures; docs/PERFORMANCE.md "A carrier's file of
# scan events"; part of `make bench`): a csv of ROWS scans (ROWS/5 waybills of one carrier, five scans each —
# 揽收 发往 到达 派送 签收 — the recipient's mobile on the first, one of 40 carrier sites on
# each, times spread over a month) imported by the real CLI (`ruralec parcels import`,
# all-or-nothing) into a fresh demo county, on SQLite and on a throw-away PostgreSQL 15; right
# before each import the raw rate of the same backend in the same run (bench/storage's
# bulk_insert: ROWS seven-column rows through BulkInsert, COPY on PostgreSQL, into a bare
# table). Then the same file again (every row a duplicate), and a waybill's timeline read 200
# times over HTTP (p50/p99 of the server's answer).
#   bench/logistics/ingest.sh [ROWS=1000000]
#   (RURALEC_BIN, IMPORT_GEN, BULK_BIN pick binaries; SKIP_PG=1 skips PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
BIN=${RURALEC_BIN:-build/ruralec}
GEN=${IMPORT_GEN:-build/bench/import/import_gen}
BULK=${BULK_BIN:-$(dirname "$GEN")/../storage/bulk_insert}
[ -x "$GEN" ] || cmake --build "${GEN%/bench/*}" --target import_gen  # not in `make build`
[ -x "$BULK" ] || cmake --build "${BULK%/bench/*}" --target bulk_insert
work=$(mktemp -d)
source scripts/lib/pg-temp.sh
trap 'pg_temp_stop; rm -rf "$work"' EXIT

python3 - "$ROWS" "$work/scans.csv" <<'EOF'
import sys
rows, out = int(sys.argv[1]), sys.argv[2]
types = ["揽收", "发往", "到达", "派送", "签收"]
with open(out, "w", encoding="utf-8") as f:
    f.write("快递公司*,运单号*,扫描类型*,扫描时间*,网点,下一站,操作员,方向,问题原因,原始代码,原始描述,来源,收件人手机\n")
    for w in range(rows // 5):
        no, day, mi = "7531%010d" % w, 1 + w % 28, w % 60
        for i, t in enumerate(types):
            node = "ZT-%d" % (w % 40)
            phone = "138%08d" % (w % 10**8) if i == 0 else ""
            f.write(f"中通,{no},{t},2026-11-{day:02d} {8 + i:02d}:{mi:02d}:{w % 59:02d},{node},,"
                    f"王师傅,下行,,C{i},{t}扫描,,{phone}\n")
EOF
ls -l "$work/scans.csv" | awk '{print "  " $9 ": " $5 " bytes"}'

source bench/lib/measure.sh  # measure, ratio
# timeline DB [KEY_FILE]: one waybill's timeline, 200 requests, p50/p99 of the server's time.
timeline() {
  local port cookie
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf '%s' 'Bench-Passw0rd-1' | "$BIN" user add --db "$1" ${2:+--key-file "$2"} \
    --username ingestbench --role county_staff --region 341302 --password-stdin >/dev/null
  "$BIN" serve --db "$1" ${2:+--key-file "$2"} --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -fs -i -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
    -d '{"username":"ingestbench","password":"Bench-Passw0rd-1"}' | grep -i '^set-cookie:' |
    sed 's/^[^:]*: //; s/;.*//')
  for i in $(seq 200); do
    curl -fs -o /dev/null -w '%{time_starttransfer}\n' -H "Cookie: $cookie" \
      "http://127.0.0.1:$port/api/v1/logistics/waybills/zto/7531$(printf %010d $((i * 997 % (ROWS / 5))))"
  done | sort -n | awk '{t[NR]=$1} END {printf "timeline of one waybill (%d events in the ledger): p50 %.1f ms, p99 %.1f ms\n", '"$ROWS"', 1000*t[int(NR*0.5)], 1000*t[int(NR*0.99)]}'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

"$BIN" demo --db "$work/s.db" >/dev/null
measure "SQLite raw BulkInsert" "$BULK" "$work/raw.db" "$ROWS"
measure "SQLite scans csv" "$BIN" parcels import --db "$work/s.db" --as county "$work/scans.csv"
ratio "SQLite raw BulkInsert" "SQLite scans csv" cpu
sed "1s/收件人手机/收件人手机,备注/" "$work/scans.csv" >"$work/again.csv"  # another file, same rows
measure "SQLite scans again" "$BIN" parcels import --db "$work/s.db" --as county "$work/again.csv"
timeline "$work/s.db"
if [ "${SKIP_PG:-0}" != 1 ]; then
  pg_temp_start
  "$BIN" demo --db "$PG_TEMP_URL" --key-file "$work/pg.key" >/dev/null
  measure "PostgreSQL raw COPY" "$BULK" "$PG_TEMP_URL" "$ROWS"
  measure "PostgreSQL scans csv" "$BIN" parcels import --db "$PG_TEMP_URL" \
    --key-file "$work/pg.key" --as county "$work/scans.csv"
  ratio "PostgreSQL raw COPY" "PostgreSQL scans csv"
  measure "PostgreSQL scans again" "$BIN" parcels import --db "$PG_TEMP_URL" \
    --key-file "$work/pg.key" --as county "$work/again.csv"
  timeline "$PG_TEMP_URL" "$work/pg.key"
fi
