#!/usr/bin/env bash
# `ruralec demo` as a newcomer meets it (issue 26 item 12): a fresh database gets seed 002 as a
# programme, generated businesses (named （演示）) with a year of 2019 sales, the 2019 award
# list approved through maker-checker with payable lines, and the demo mark the console's banner
# reads. Usage: demo_test.sh path/to/ruralec
set -euo pipefail
BIN=$1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ruralec-demo-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/demo.db
"$BIN" demo --db "$DB" > "$TMP/out.txt"
q() { sqlite3 "$DB" "$1"; }
fail() { echo "demo_test: $*" >&2; cat "$TMP/out.txt" >&2; exit 1; }

[ "$(q "SELECT COUNT(*) FROM programmes WHERE programme_key = 'yongqiao_2019_upgrade'")" = 1 ] ||
  fail "seed 002 is not loaded as a programme"
n=$(q "SELECT COUNT(*) FROM entities WHERE name LIKE '%（演示）'")
[ "$n" -ge 60 ] || fail "only $n generated businesses"
[ "$(q "SELECT COUNT(*) FROM entities WHERE name NOT LIKE '%演示%'")" = 0 ] ||
  fail "a business is not labelled as demo data"
rows=$(q "SELECT COUNT(*) FROM sales_records WHERE period LIKE '2019-%' AND is_current = 1")
[ "$rows" -ge 1000 ] || fail "only $rows ledger rows in 2019"
big=$(q "SELECT COUNT(*) FROM (SELECT entity_id FROM sales_records WHERE period LIKE '2019-%'
       AND direction = 'uplink' AND is_current = 1 GROUP BY entity_id
       HAVING SUM(amount_fen) > 1000000000)")
[ "$big" -ge 2 ] || fail "$big businesses above 1000万元 uplink (seed 002 R02 needs some)"
[ "$(q "SELECT COUNT(*) FROM brands WHERE name LIKE '%（演示）'")" -ge 5 ] || fail "too few brands"
[ "$(q "SELECT COUNT(*) FROM award_lists WHERE status = 'approved' AND period = '2019'
       AND total_fen > 0 AND payable_count > 0")" = 1 ] ||
  fail "no approved 2019 award list with payable lines"
[ "$(q "SELECT COUNT(*) FROM award_lists a JOIN users m ON m.id = a.created_by
       JOIN users c ON c.id = a.approved_by WHERE m.username = 'county' AND c.username = 'finance'")" = 1 ] ||
  fail "the award list is not made by county and approved by finance"
[ -n "$(q "SELECT value FROM settings WHERE key = 'demo.generated_on'")" ] ||
  fail "the database is not marked as a demo"
grep -q "奖补清单" "$TMP/out.txt" || fail "the output does not report the award list"
echo "demo_test: ok ($n businesses, $rows ledger rows)"
