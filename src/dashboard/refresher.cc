#include "dashboard/refresher.h"

#include <spdlog/spdlog.h>

#include <map>
#include <vector>

#include "dashboard/catalogue.h"
#include "dashboard/measure.h"
#include "dashboard/summary_store.h"
#include "storage/figure_changes.h"

namespace ruralec::dashboard {
namespace {

store::SummaryRow RowOf(const std::string& region, const Period& p, const Figure& f) {
  return {region,        p.Label(),  f.key,    f.ok,     f.value, f.numerator,
          f.denominator, f.baseline, f.source, f.reason, f.as_of};
}

// The county's own rows of one month, measured as the one child of its city.
Result<std::vector<store::SummaryRow>> CountyRows(storage::Connection& conn,
                                                  const runtime::IndicatorRegistry& registry,
                                                  const RegionCode& county, const Period& p,
                                                  const std::vector<std::string>& keys,
                                                  int64_t now_ms) {
  Target t{county.parent(), "", {{county.str(), ""}}};
  ASSIGN_OR_RETURN(Measured m, Measure(conn, registry, t, keys, keys, p, now_ms));
  std::vector<store::SummaryRow> rows;
  for (const auto& key : keys) rows.push_back(RowOf(county.str(), p, m.of.at(key).at(0)));
  return rows;
}

// The no-sum rows of an ancestor of one month, measured over its subtree.
Result<std::vector<store::SummaryRow>> OwnRows(storage::Connection& conn,
                                               const runtime::IndicatorRegistry& registry,
                                               const RegionCode& region, const Period& p,
                                               const std::vector<std::string>& keys,
                                               int64_t now_ms) {
  std::vector<std::string> direct;
  for (const auto& k : keys)
    if (const FigureDef* def = FindFigure(k); def && def->roll == Roll::kDirect)
      direct.push_back(k);
  std::vector<store::SummaryRow> rows;
  if (direct.empty()) return rows;
  ASSIGN_OR_RETURN(Measured m,
                   Measure(conn, registry, Target{region, "", {}}, direct, {}, p, now_ms));
  for (const auto& k : direct) rows.push_back(RowOf(region.str(), p, m.own.at(k)));
  return rows;
}

// Known figure keys only (a row of a figure since removed from the catalogue is left alone).
std::vector<std::string> Known(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys)
    if (FindFigure(k)) out.push_back(k);
  return out;
}

}  // namespace

Result<ChangeRefreshReport> RefreshCounty(storage::Connection& conn,
                                          const runtime::IndicatorRegistry& registry,
                                          const std::string& county, const std::string& from_month,
                                          int64_t now_ms) {
  ASSIGN_OR_RETURN(RegionCode code, RegionCode::Parse(county));
  std::vector<RegionCode> ancestors;
  for (RegionCode a = code.parent(); !a.empty(); a = a.parent()) ancestors.push_back(a);
  std::map<std::string, std::vector<store::SummaryRow>> by_month;
  ChangeRefreshReport rep{1, 0, 0, 0};
  ASSIGN_OR_RETURN(auto own, store::StoredKeys(conn, county, from_month));
  for (const auto& [month, keys] : own) {
    ASSIGN_OR_RETURN(Period p, ParsePeriod(month));
    ASSIGN_OR_RETURN(auto rows, CountyRows(conn, registry, code, p, Known(keys), now_ms));
    for (auto& r : rows) by_month[month].push_back(std::move(r));
  }
  for (const auto& a : ancestors) {
    ASSIGN_OR_RETURN(auto stored, store::StoredKeys(conn, a.str(), from_month));
    for (const auto& [month, keys] : stored) {
      ASSIGN_OR_RETURN(Period p, ParsePeriod(month));
      ASSIGN_OR_RETURN(auto rows, OwnRows(conn, registry, a, p, Known(keys), now_ms));
      for (auto& r : rows) by_month[month].push_back(std::move(r));
    }
  }
  // Not a structured binding: clang 14 (the sanitizer build's) cannot capture one in a lambda.
  for (const auto& month_rows : by_month) {
    const auto& rows = month_rows.second;
    RETURN_IF_ERROR(storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
      return store::PutSummaries(conn, rows);
    }));
    ++rep.months;
    rep.rows += static_cast<int64_t>(rows.size());
  }
  return rep;
}

Result<ChangeRefreshReport> RefreshChanged(storage::Connection& conn,
                                           const runtime::IndicatorRegistry& registry,
                                           int64_t now_ms, const ChangeRefreshOptions& o) {
  ASSIGN_OR_RETURN(auto marks, storage::PendingFigureChanges(conn));
  ChangeRefreshReport rep;
  for (const auto& mark : marks) {
    if (rep.counties >= o.counties_per_round) break;
    const bool quiet = now_ms - mark.marked_at >= o.debounce_ms;
    const bool overdue = now_ms - mark.first_marked_at >= o.max_delay_ms;
    if (!quiet && !overdue) continue;
    ASSIGN_OR_RETURN(auto one, RefreshCounty(conn, registry, mark.county, mark.from_month, now_ms));
    rep.counties += one.counties;
    rep.months += one.months;
    rep.rows += one.rows;
    ASSIGN_OR_RETURN(bool cleared, storage::InTransaction<bool>(conn, storage::TxMode::kWrite, [&] {
                       return storage::ClearFigureChange(conn, mark);
                     }));
    rep.cleared += cleared ? 1 : 0;
  }
  return rep;
}

ChangeRefresher::ChangeRefresher(storage::Database& db, const runtime::IndicatorRegistry& registry,
                                 const Clock& clock, ChangeRefreshOptions o)
    : db_(db), registry_(registry), clock_(clock), options_(o), thread_([this] { Run(); }) {}

ChangeRefresher::~ChangeRefresher() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ChangeRefresher::Run() {
  std::unique_lock lock(mu_);
  while (
      !cv_.wait_for(lock, std::chrono::milliseconds(options_.poll_ms), [this] { return stop_; })) {
    lock.unlock();
    {
      auto conn = db_.Acquire();
      auto rep = RefreshChanged(*conn, registry_, clock_.NowMs(), options_);
      if (!rep.ok())
        spdlog::warn("dashboard: refreshing changed figures failed: {}", rep.error().message);
      else if (rep->counties > 0)
        spdlog::info("dashboard: refreshed {} changed counties ({} months, {} figures)",
                     rep->counties, rep->months, rep->rows);
    }
    lock.lock();
  }
}

}  // namespace ruralec::dashboard
