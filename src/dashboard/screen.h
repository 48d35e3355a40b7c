// The screen of one region (GET /dashboard/{region}, docs/API.md "Dashboard"): the registry
// panels with their roll-up, the year-on-year figure, fund execution by category (funds' C++
// API), programme target progress with the lagging lines (programme's progress), the ranking
// of the children and the monthly trends. Plain structs; the routes turn them into JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "core/clock.h"
#include "dashboard/measure.h"
#include "funds/service.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::dashboard {

struct Deps {
  storage::Database& db;
  const runtime::IndicatorRegistry& registry;
  const Clock& clock;
  funds::Deps funds;
};

// Fund execution by category over the funds of the region's counties.
struct FundCategory {
  std::string code, name;
  // fen: the plan; approved to projects (committed + advanced + paid + claw-back, the funds
  // module's `approved`); of which advanced and paid
  int64_t planned = 0, committed = 0, advanced = 0, paid = 0;
};
struct FundPanel {
  bool ok = false;
  std::string reason;  // when not ok: no permission, below county level, no fund
  int64_t funds = 0;
  std::vector<FundCategory> categories;  // by the plan's order of first appearance
  FundCategory total;
  int64_t as_of = 0;
};

// Target progress of the programmes of the region (its own and those of regions inside it).
struct LaggingLine {
  int64_t programme_id = 0;
  std::string target_id, text, region_name, status;
  std::optional<double> percent;
};
struct ProgrammeSummary {
  int64_t id = 0;
  std::string name, region_code;
  int64_t targets = 0, done = 0, on_track = 0, behind = 0, no_data = 0;
  int64_t tasks = 0, tasks_overdue = 0;
};
struct ProgrammePanel {
  bool ok = false;
  std::string reason;
  std::vector<ProgrammeSummary> programmes;  // at most kMaxProgrammes
  int64_t programmes_total = 0;
  std::vector<LaggingLine> lagging;  // at most kMaxLagging, behind/overdue lines
  int64_t as_of = 0;
};
inline constexpr size_t kMaxProgrammes = 20, kMaxLagging = 10;

struct Screen {
  std::string region, name, level, children_level;
  Period period;
  int64_t as_of = 0;
  std::vector<Panel> panels;
  FundPanel funds;
  ProgrammePanel programme;
  Trends trends;
};

// kForbidden when `region` is outside the caller's scope; kNotFound when it is not stored.
Result<Target> TargetOf(storage::Connection& conn, const account::Principal& who,
                        const RegionCode& region);

// The screen; `only` (panel keys) limits it to those panels ("funds", "programme", "trends"
// and the registry panels' keys; empty: all).
Result<Screen> BuildScreen(const Deps& d, const account::Principal& who, const RegionCode& region,
                           const Period& period, const std::vector<std::string>& only);

// The children ranked by one of RankedKeys() (descending; children without data last, by code).
struct RankRow {
  int64_t rank = 0;  // 0 for a child without data
  Child child;
  std::map<std::string, Figure> figures;  // every ranked key
};
struct Ranking {
  std::string by;
  std::vector<RankRow> rows;
  int64_t as_of = 0;
};
Result<Ranking> BuildRanking(const Deps& d, const account::Principal& who, const RegionCode& region,
                             const Period& period, const std::string& by);

// The year-on-year growth of an increase figure (this year's minus the year-earlier, with that
// baseline): increase ÷ baseline in basis points (half away from zero); no data when the
// increase has none (no year-earlier ledger) or the baseline is 0. Rolled up, both are sums over
// the counties with data, so the rate is recomputed, not averaged.
Figure YearOnYear(const Figure& increase);

}  // namespace ruralec::dashboard
