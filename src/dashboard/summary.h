// Per-county, per-month figures stored for the screens of cities and provinces (issue 25 item 3;
// docs/DASHBOARD.md "Precomputation and staleness"). Measuring 100 counties live takes seconds;
// `ruralec dashboard refresh` (an operator's cron job, every few minutes) measures them with the
// same computations and stores each county's figure; a city or province screen then rolls up
// the stored rows. Contract:
//  - A child's stored figure is used when its row for the figure and month was computed within
//    kSummaryMaxAgeMs and no write has marked its county changed at or before that month since
//    (storage/figure_changes.h); the children without such a row are measured live (a new
//    county, a refresh that failed, a marked county) and summed with the others' rows: a screen
//    is never staler than the limit, and shows a marked change at once.
//  - A figure from a stored row carries the row's computed_at as its as_of and `stored`.
//  - Reads never write: only the refresh job stores rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dashboard/measure.h"

namespace ruralec::dashboard {

inline constexpr int64_t kSummaryMaxAgeMs = 15 * 60 * 1000;

// For each of `keys` whose stored rows cover every child of `t` for `period`, fresh at `now`:
// the children's figures in children order (`partial` when only some children have one); and the
// region's own stored figures of `keys` that are no sum (Roll::kDirect, stored for the refreshed
// region and its cities) unless a county below it is marked changed.
Result<Stored> StoredFigures(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                             const Target& t, const std::vector<std::string>& keys,
                             const Period& period, int64_t now_ms);
// The same for several months in one read, by month label.
Result<std::map<std::string, Stored>> StoredMonths(
    storage::Connection& conn, const runtime::IndicatorRegistry& registry, const Target& t,
    const std::vector<std::string>& keys, const std::vector<Period>& periods, int64_t now_ms);

struct RefreshReport {
  int64_t counties = 0, months = 0, rows = 0;
};

// Measures every county of `region` for each month of `months` — every figure of the panels
// for the last `full` months, the trend figures for all — and stores them (one write
// transaction per month); the figures that are no sum (Roll::kDirect) also for the region itself
// and, for a province, each of its cities.
Result<RefreshReport> RefreshSummaries(storage::Connection& conn,
                                       const runtime::IndicatorRegistry& registry,
                                       const RegionCode& region, const Period& last, int full,
                                       int trend_months, int64_t now_ms);

}  // namespace ruralec::dashboard
