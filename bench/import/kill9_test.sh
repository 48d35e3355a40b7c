#!/usr/bin/env bash
# kill -9 during an all-or-nothing sales import of 1,000,000 rows (the real CLI, SQLite):
# after the restart not one row of that batch exists (nor the batch, nor its audit entry), and
# re-running the same import then adds every row.
#   kill9_test.sh RURALEC IMPORT_GEN [ROWS=1000000]
set -euo pipefail
RURALEC=$1 GEN=$2 ROWS=${3:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-kill9.XXXXXX")
trap 'kill -9 "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/kill9.db

"$RURALEC" demo --db "$db" >/dev/null
"$GEN" --db "$db" --out "$work" --rows "$ROWS"
"$RURALEC" entities import --db "$db" --as county "$work/entities.csv" >/dev/null
# The demo county has its own generated ledger (ruralec demo): count from what is there.
read -r _ rows0 _ batches0 _ audit0 <<<"$("$GEN" --db "$db" --count)"

start=$(date +%s%N)
"$RURALEC" sales import --db "$db" --as county "$work/sales.csv" >"$work/first.log" 2>&1 &
pid=$!
# Kill once the import is writing rows: its transaction spills to the WAL (> 4 MB), or after
# 3 s of work at the latest (an idle machine imports the whole file in about 10 s, so a later
# deadline could miss it). Either way the batch is mid-way: it reads a 1M-row file.
while :; do
  wal=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
  elapsed_ms=$((($(date +%s%N) - start) / 1000000))
  if [ "$wal" -gt 4000000 ] || [ "$elapsed_ms" -gt 3000 ]; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: the import finished before it could be killed"; cat "$work/first.log"; exit 1
  fi
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null && { echo "FAIL: the import was not killed"; exit 1; }
echo "killed after ${elapsed_ms} ms, WAL $wal bytes"

after=$("$GEN" --db "$db" --count)
echo "after restart: $after"
[ "$after" = "sales_rows $rows0 sales_batches $batches0 sales_audit $audit0" ] ||
  { echo "FAIL: rows of the killed batch survived (before: $rows0 $batches0 $audit0)"; exit 1; }

"$RURALEC" sales import --db "$db" --as county "$work/sales.csv"
again=$("$GEN" --db "$db" --count)
echo "after re-run: $again"
[ "$again" = "sales_rows $((rows0 + ROWS)) sales_batches $((batches0 + 1)) sales_audit $((audit0 + 1))" ] ||
  { echo "FAIL: the re-run did not import every row"; exit 1; }
echo "PASS"
