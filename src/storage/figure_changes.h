// The change feed of stored figures (issue 25 item 3; docs/MODULES.md "Marking changed
// figures", docs/DASHBOARD.md "Precomputation and staleness"). Figures stored per county and
// month (the monitoring screen's summaries) go stale when a ledger they count changes; the
// writer says so here, in its own write transaction, and the reader of the stored figures
// treats a marked county's rows as stale until its refresher has measured them again.
// Contract:
//  - A writer calls MarkFiguresChanged inside the write transaction of the change, with the
//    region of the changed row (any level at or below a county; above county level nothing is
//    marked: no county figure counts it) and the first month whose figures changed (a stock or
//    a year-to-date figure of every later month changes too). The mark commits or rolls back
//    with the change: no crash leaves a change unmarked.
//  - One mark per county (table figure_changes, owned by storage): a new mark keeps the earlier
//    month and bumps `version`.
//  - A consumer reads the marks (PendingFigureChanges), measures, then ClearFigureChange with
//    the version it read: a mark made meanwhile survives, so a measurement that may have missed
//    a change is never taken as fresh.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::storage {

// Marks the county of `where` changed from `month` ("YYYY-MM", or a "YYYY-MM-DD" date whose
// month is taken). The caller holds the write transaction of the change.
Status MarkFiguresChanged(Connection& conn, const RegionCode& where, std::string_view month,
                          int64_t now_ms);

// Marks every (county code, month) row `sql` returns (first two columns; the county column may
// hold any region code at or below a county, the month a "YYYY-MM…" text): the distinct
// county-months of an import batch or a voided batch, read by the owner from its own table.
Status MarkFiguresChangedBy(Connection& conn, std::string_view sql, const Params& params,
                            int64_t now_ms);

// Marks the county-months of rows bulk-inserted in this transaction: `region` and `month` name
// two of `columns` (a region code; a "YYYY-MM…" text).
Status MarkFiguresChangedRows(Connection& conn, const std::vector<std::string>& columns,
                              const std::vector<std::vector<Value>>& rows, std::string_view region,
                              std::string_view month, int64_t now_ms);

struct FigureChange {
  std::string county;      // 12-digit county code
  std::string from_month;  // "YYYY-MM": figures of this month and later changed
  int64_t version = 0, first_marked_at = 0, marked_at = 0;
};

// The marks of counties whose code starts with `prefix` ("" = all), oldest first mark first.
Result<std::vector<FigureChange>> PendingFigureChanges(Connection& conn,
                                                       std::string_view prefix = "",
                                                       int limit = 1000);

// Removes `c`'s mark when it still has c.version (nothing marked it since it was read); true
// when removed.
Result<bool> ClearFigureChange(Connection& conn, const FigureChange& c);

}  // namespace ruralec::storage
