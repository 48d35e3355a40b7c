#!/usr/bin/env bash
# Console page loads in Chromium against a fresh database (web/bench/pageload.mjs explains the
# two figures). Usage: bench/web/run.sh [BIN] [RUNS]; BIN defaults to build/ruralec. Needs the web
# build (cd web && npm run build) and Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${1:-$ROOT/build/ruralec}
RUNS=${2:-7}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-pageload.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
PASSWORD="Bench-$(date +%s)-Pw9!"
"$BIN" regions import --db "$TMP/db" --counties 341302 >/dev/null
printf '%s' "$PASSWORD" | "$BIN" user add --db "$TMP/db" --username staff --role county_staff \
  --region 341302 --password-stdin >/dev/null
# the first login must change the password: the bench signs in with a changed one
NEW="Bench-changed-$(date +%s)-Qx7"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$BIN" serve --db "$TMP/db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" >"$TMP/log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
node -e '
const [base, u, p, n] = process.argv.slice(1);
(async () => {
  const r = await fetch(base + "/api/v1/auth/login", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({username: u, password: p})});
  const j = await r.json();
  const cookie = r.headers.get("set-cookie").split(";")[0];
  const c = await fetch(base + "/api/v1/auth/password", {method: "POST", headers: {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": j.csrf_token}, body: JSON.stringify({old_password: p, new_password: n})});
  if (!c.ok) { console.error("password change failed", c.status, await c.text()); process.exit(1); }
})();' "http://127.0.0.1:$PORT" staff "$PASSWORD" "$NEW"
(cd web && node bench/pageload.mjs "http://127.0.0.1:$PORT" staff "$NEW" "$RUNS")
