#!/usr/bin/env bash
# Disk full (issue 20 item 4; docs/TESTING.md "Crash sweep"): the database on a tmpfs with 3 MB
# to spare (a mount namespace of an unprivileged user: `unshare -rm`), a server running on it
# with a signed-in user, then a sales import by the real CLI that cannot fit. Expected: the
# import fails with the disk-full message and leaves nothing (rows, batch, audit entry as
# before); the running server still answers reads; an import through the API answers 503 with
# the same message; the database passes `PRAGMA integrity_check` and `ruralec audit verify`;
# once space is freed the same import succeeds. Exit 77 (skipped) where user namespaces are
# not allowed.
#   disk_full_test.sh RURALEC IMPORT_GEN
set -euo pipefail
RURALEC=$1 GEN=$2
if [ "${DISK_FULL_INSIDE:-}" != 1 ] && ! unshare -rm true 2>/dev/null; then
  echo "SKIP: unprivileged mount namespaces are not allowed here"; exit 77
fi
if [ "${DISK_FULL_INSIDE:-}" != 1 ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-diskfull.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  "$RURALEC" demo --db "$work/d.db" >/dev/null
  "$GEN" --db "$work/d.db" --out "$work" --rows 200000 >/dev/null
  "$RURALEC" entities import --db "$work/d.db" --as county "$work/entities.csv" >/dev/null
  echo 'Sturdy-Passw0rd!' | "$RURALEC" user add --db "$work/d.db" --username full \
    --role county_staff --region 341302 --password-stdin >/dev/null
  sqlite3 "$work/d.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  DISK_FULL_INSIDE=1 WORK=$work unshare -rm "$0" "$@"
  exit
fi

fs=$WORK/fs
mkdir -p "$fs"
size_kb=$(($(du -k "$WORK/d.db" | cut -f1) + 3072))
mount -t tmpfs -o size=${size_kb}k tmpfs "$fs"
cp "$WORK/d.db" "$WORK/d.db.key" "$fs/"
db=$fs/d.db
"$RURALEC" serve --db "$db" --listen 127.0.0.1:0 >"$WORK/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -qs listening "$WORK/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$WORK/serve.log")
jar=$WORK/jar
csrf=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
  -d '{"username":"full","password":"Sturdy-Passw0rd!"}' "$url/api/v1/auth/login" |
  sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
read_entities() { curl -sS -b "$jar" -o "$WORK/read.json" -w '%{http_code}' "$url/api/v1/entities?page_size=5"; }
[ "$(read_entities)" = 200 ] || { echo "FAIL: no read before the disk filled"; exit 1; }
total0=$(grep -o '"total":[0-9]*' "$WORK/read.json")
before=$("$GEN" --db "$db" --count)
echo "tmpfs ${size_kb} KB, database $(du -k "$db" | cut -f1) KB; before: $before"

set +e
"$RURALEC" sales import --db "$db" --as county "$WORK/sales.csv" >"$WORK/import.log" 2>&1
rc=$?
set -e
echo "import exit $rc: $(tail -c 400 "$WORK/import.log")"
df -k "$fs" | tail -1
[ "$rc" != 0 ] || { echo "FAIL: the import fitted: make the file larger"; exit 1; }
grep -q '磁盘空间不足' "$WORK/import.log" || { echo "FAIL: no clear disk-full message"; exit 1; }

code=$(read_entities)
[ "$code" = 200 ] || { echo "FAIL: the server stopped serving reads ($code: $(cat "$WORK/read.json"))"; exit 1; }
[ "$(grep -o '"total":[0-9]*' "$WORK/read.json")" = "$total0" ] || { echo "FAIL: the read changed"; exit 1; }
# An import through the API while the disk is full (the WAL space the refused import left is
# reused, so the write must be larger than that): 503 and the message, nothing half.
head -n 60000 "$WORK/sales.csv" >"$WORK/part.csv"
code=$(curl -sS -b "$jar" -H "X-CSRF-Token: $csrf" -o "$WORK/write.json" -w '%{http_code}' \
  -F "file=@$WORK/part.csv;type=text/csv" "$url/api/v1/sales/import")
echo "API import on a full disk: $code $(head -c 300 "$WORK/write.json")"
[ "$code" = 503 ] && grep -q '磁盘空间不足' "$WORK/write.json" ||
  { echo "FAIL: an API write on a full disk did not answer 503 with the message"; exit 1; }
[ "$(read_entities)" = 200 ] || { echo "FAIL: no read after the refused API write"; exit 1; }

kill "$pid"; wait "$pid" 2>/dev/null || true
after=$("$GEN" --db "$db" --count)
[ "$after" = "$before" ] || { echo "FAIL: rows of the refused import survived: $after"; exit 1; }
[ "$(sqlite3 "$db" 'PRAGMA integrity_check;')" = ok ] || { echo "FAIL: integrity_check"; exit 1; }
"$RURALEC" audit verify --db "$db" || { echo "FAIL: audit verify"; exit 1; }
# Space back: the same import goes through.
mount -o remount,size=$((size_kb + 200000))k "$fs"
"$RURALEC" sales import --db "$db" --as county "$WORK/sales.csv" >/dev/null
echo "after freeing space: $("$GEN" --db "$db" --count)"
"$RURALEC" audit verify --db "$db" >/dev/null
echo PASS
