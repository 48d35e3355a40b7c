// Generated demonstration ledger for `ruralec demo` (issue 26 item 12): a year of monthly
// online sales of the demo businesses (entity/demo.h), sized by their rank so the pages and the
// award rules have something to show — two enterprises above 1000万元 uplink (seed 002 R02), a
// handful above 100万元, brands with their own rows (R03), the rest small; a seasonal curve with
// the Spring Festival and 双十一 peaks. Rows are entered as the demo's county user (source form);
// the businesses' names say （演示）. Deterministic for a set of businesses and a year.
#pragma once

#include <cstdint>
#include <vector>

#include "account/account.h"
#include "entity/demo.h"
#include "storage/db.h"

namespace ruralec::sales {

struct DemoLedger {
  int64_t rows = 0;
  int64_t uplink_fen = 0;  // the year's uplink total
};

// Writes the rows in one transaction.
Result<DemoLedger> GenerateDemo(storage::Connection& conn, const account::Principal& who,
                                const std::vector<entity::DemoBusiness>& businesses, int year,
                                int64_t now_ms);

}  // namespace ruralec::sales
