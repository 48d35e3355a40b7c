// Refreshing the stored county figures when the ledgers change (issue 25 item 3; docs/DASHBOARD.md
// "Precomputation and staleness"). Writers mark a county and month in their own transaction
// (storage/figure_changes.h); the screen treats a marked county's stored rows of that month and
// later as stale (summary.h) and measures that county live; the refresher measures them again
// in the background and clears the mark. Contract:
//  - Only rows that exist are refreshed (what `ruralec dashboard refresh` stored): the county's
//    rows of the marked month and later, and the no-sum rows stored for its city and province.
//  - A mark is due once nothing marked it for `debounce_ms`, or its first mark is `max_delay_ms`
//    old (a long import does not postpone it for ever); a round takes at most
//    `counties_per_round` due marks, oldest first; one round at a time, on its own thread and
//    connection, never inside a writer's transaction.
//  - The mark is cleared only if its version is the one read before measuring: a change
//    committed meanwhile keeps it (storage::ClearFigureChange).
//  - Marks live in the database, so a restart (or another instance) picks them up.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/result.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::dashboard {

struct ChangeRefreshOptions {
  int64_t debounce_ms = 2000;
  int64_t max_delay_ms = 30000;
  int64_t poll_ms = 1000;
  int counties_per_round = 8;
};

struct ChangeRefreshReport {
  int64_t counties = 0, months = 0, rows = 0, cleared = 0;
};

// Measures again the stored rows of `county` (12 digits) from `from_month` ("YYYY-MM") on, and
// the no-sum rows of its city and province; one write transaction per month.
Result<ChangeRefreshReport> RefreshCounty(storage::Connection& conn,
                                          const runtime::IndicatorRegistry& registry,
                                          const std::string& county, const std::string& from_month,
                                          int64_t now_ms);

// One round: the due marks (see above), each county refreshed, its mark cleared unless marked
// again meanwhile.
Result<ChangeRefreshReport> RefreshChanged(storage::Connection& conn,
                                           const runtime::IndicatorRegistry& registry,
                                           int64_t now_ms, const ChangeRefreshOptions& o = {});

// The background refresher of `ruralec serve`: a round every poll_ms until destroyed (the
// destructor waits for the round in progress).
class ChangeRefresher {
 public:
  ChangeRefresher(storage::Database& db, const runtime::IndicatorRegistry& registry,
                  const Clock& clock, ChangeRefreshOptions o = {});
  ~ChangeRefresher();
  ChangeRefresher(const ChangeRefresher&) = delete;
  ChangeRefresher& operator=(const ChangeRefresher&) = delete;

 private:
  void Run();

  storage::Database& db_;
  const runtime::IndicatorRegistry& registry_;
  const Clock& clock_;
  const ChangeRefreshOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace ruralec::dashboard
