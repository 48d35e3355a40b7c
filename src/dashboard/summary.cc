#include "dashboard/summary.h"

#include "dashboard/catalogue.h"
#include "dashboard/summary_store.h"
#include "region/region.h"
#include "storage/figure_changes.h"

namespace ruralec::dashboard {
namespace {

Figure FromRow(const FigureDef& def, const store::SummaryRow& r, const std::string& unit,
               const Period& period) {
  Figure f;
  f.key = def.key;
  f.label = def.label;
  f.indicator = def.indicator;
  f.unit = unit;
  f.params = def.params;
  const Range range = RangeOf(def.span, period);
  f.from = range.from;
  f.to = range.to;
  f.ok = r.ok && r.value.has_value();
  f.value = f.ok ? r.value : std::nullopt;
  f.numerator = r.numerator;
  f.denominator = r.denominator;
  f.baseline = r.baseline;
  f.source = r.source;
  f.reason = r.reason;
  f.as_of = r.computed_at;
  f.stored = true;
  return f;
}

store::SummaryRow ToRow(const std::string& region, const Period& p, const Figure& f) {
  return {region,        p.Label(),  f.key,    f.ok,     f.value, f.numerator,
          f.denominator, f.baseline, f.source, f.reason, f.as_of};
}

std::vector<std::string> PanelKeys() {
  std::vector<std::string> keys;
  for (const auto& p : Panels())
    for (const auto& f : p.figures) keys.push_back(f.key);
  return keys;
}

// The marks of the change feed in a region (storage/figure_changes.h): a county's row of a month
// at or after its mark is stale, and so is a region's own row when a county below it is marked.
struct ChangedFrom {
  std::map<std::string, std::string> county;  // county → first changed month
  std::string earliest;                       // of all of them ("" = none)
  bool Stale(const store::SummaryRow& r, const RegionCode& region) const {
    if (r.region == region.str()) return !earliest.empty() && earliest <= r.month;
    auto it = county.find(r.region);
    return it != county.end() && it->second <= r.month;
  }
};

Result<ChangedFrom> ChangedCounties(storage::Connection& conn, const RegionCode& region) {
  ASSIGN_OR_RETURN(auto marks, storage::PendingFigureChanges(conn, region.prefix(), 1 << 20));
  ChangedFrom out;
  for (const auto& m : marks) {
    out.county[m.county] = m.from_month;
    if (out.earliest.empty() || m.from_month < out.earliest) out.earliest = m.from_month;
  }
  return out;
}

}  // namespace

namespace {

// One month's rows of `t`'s children (complete keys only) and of `t` itself (kDirect keys).
Stored Assemble(const runtime::IndicatorRegistry& registry, const Target& t,
                const std::vector<std::string>& keys, const Period& period,
                const std::vector<const store::SummaryRow*>& rows) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < t.children.size(); ++i) index[t.children[i].code] = i;
  std::map<std::string, std::vector<const store::SummaryRow*>> by_key;
  std::map<std::string, const store::SummaryRow*> own;
  for (const auto* r : rows) {
    if (r->region == t.region.str()) own[r->figure] = r;
    auto it = index.find(r->region);
    if (it == index.end()) continue;
    auto& slot = by_key[r->figure];
    slot.resize(t.children.size(), nullptr);
    slot[it->second] = r;
  }
  Stored out;
  for (const auto& key : keys) {
    const FigureDef* def = FindFigure(key);
    if (!def) continue;
    const std::string unit = registry.Unit(def->indicator);
    if (auto o = own.find(key); o != own.end() && def->roll == Roll::kDirect)
      out.own[key] = FromRow(*def, *o->second, unit, period);
    auto it = by_key.find(key);
    if (it == by_key.end()) continue;
    bool complete = true;
    for (const auto* r : it->second) complete = complete && r;
    if (!complete) {  // the children without a fresh row are measured live
      auto& part = out.partial[key];
      for (const auto* r : it->second)
        part.push_back(r ? std::optional(FromRow(*def, *r, unit, period)) : std::nullopt);
      continue;
    }
    auto& list = out.children[key];
    for (const auto* r : it->second) list.push_back(FromRow(*def, *r, unit, period));
  }
  return out;
}

}  // namespace

Result<std::map<std::string, Stored>> StoredMonths(
    storage::Connection& conn, const runtime::IndicatorRegistry& registry, const Target& t,
    const std::vector<std::string>& keys, const std::vector<Period>& periods, int64_t now_ms) {
  std::map<std::string, Stored> out;
  if (!t.RollsUp() || t.children.empty()) return out;
  std::vector<std::string> codes{t.region.str()}, months;
  for (const auto& c : t.children) codes.push_back(c.code);
  for (const auto& p : periods) months.push_back(p.Label());
  ASSIGN_OR_RETURN(auto rows, store::SummariesOf(conn, codes, months, now_ms - kSummaryMaxAgeMs));
  ASSIGN_OR_RETURN(ChangedFrom changed, ChangedCounties(conn, t.region));
  std::map<std::string, std::vector<const store::SummaryRow*>> by_month;
  for (const auto& r : rows)
    if (!changed.Stale(r, t.region)) by_month[r.month].push_back(&r);
  for (const auto& p : periods)
    out[p.Label()] = Assemble(registry, t, keys, p, by_month[p.Label()]);
  return out;
}

Result<Stored> StoredFigures(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                             const Target& t, const std::vector<std::string>& keys,
                             const Period& period, int64_t now_ms) {
  ASSIGN_OR_RETURN(auto months, StoredMonths(conn, registry, t, keys, {period}, now_ms));
  return months.empty() ? Stored{} : months.begin()->second;
}

namespace {

// The figures that are no sum, measured for the region itself and its cities (a province).
Result<std::vector<store::SummaryRow>> DirectRows(storage::Connection& conn,
                                                  const runtime::IndicatorRegistry& registry,
                                                  const RegionCode& region, const Period& p,
                                                  const std::vector<std::string>& keys,
                                                  int64_t now_ms) {
  std::vector<store::SummaryRow> rows;
  std::vector<std::string> direct;
  for (const auto& k : keys)
    if (FindFigure(k)->roll == Roll::kDirect) direct.push_back(k);
  if (direct.empty() || region.level() >= RegionLevel::kCounty) return rows;
  std::vector<RegionCode> regions{region};
  if (region.level() == RegionLevel::kProvince) {
    ASSIGN_OR_RETURN(auto cities, region::AtLevelIn(conn, region, RegionLevel::kCity));
    for (const auto& c : cities) regions.push_back(c.code);
  }
  for (const auto& r : regions) {
    ASSIGN_OR_RETURN(Measured m, Measure(conn, registry, Target{r, "", {}}, direct, {}, p, now_ms));
    for (const auto& k : direct) rows.push_back(ToRow(r.str(), p, m.own.at(k)));
  }
  return rows;
}

}  // namespace

Result<RefreshReport> RefreshSummaries(storage::Connection& conn,
                                       const runtime::IndicatorRegistry& registry,
                                       const RegionCode& region, const Period& last, int full,
                                       int trend_months, int64_t now_ms) {
  ASSIGN_OR_RETURN(auto counties, ChildrenOf(conn, region));
  if (region.level() == RegionLevel::kCounty) counties = {{region.str(), ""}};
  if (region.level() > RegionLevel::kCounty)
    return Error::Invalid("region", "汇总按县存储：区划应为县或县以上: " + region.str());
  // Measured as the children of a province-like target: one ComputeAll per month.
  Target t{region.level() == RegionLevel::kCounty ? region.parent() : region, "", counties};
  RefreshReport rep{static_cast<int64_t>(counties.size()), 0, 0};
  const std::vector<std::string> all = PanelKeys();
  for (int i = 0; i < std::max(full, trend_months); ++i) {
    const Period p = Shift(last, -i);
    const std::vector<std::string>& keys = i < full ? all : TrendKeys();
    ASSIGN_OR_RETURN(Measured m, Measure(conn, registry, t, keys, keys, p, now_ms));
    ASSIGN_OR_RETURN(std::vector<store::SummaryRow> rows,
                     DirectRows(conn, registry, region, p, keys, now_ms));
    for (const auto& key : keys)
      for (size_t c = 0; c < counties.size(); ++c)
        rows.push_back(ToRow(counties[c].code, p, m.of.at(key).at(c)));
    RETURN_IF_ERROR(storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
      return store::PutSummaries(conn, rows);
    }));
    ++rep.months;
    rep.rows += static_cast<int64_t>(rows.size());
  }
  return rep;
}

}  // namespace ruralec::dashboard
