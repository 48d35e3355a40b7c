#include "dashboard/summary.h"

#include "dashboard/catalogue.h"
#include "dashboard/summary_store.h"

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

}  // namespace

Result<std::map<std::string, std::vector<Figure>>> StoredFigures(
    storage::Connection& conn, const runtime::IndicatorRegistry& registry, const Target& t,
    const std::vector<std::string>& keys, const Period& period, int64_t now_ms) {
  std::map<std::string, std::vector<Figure>> out;
  if (!t.RollsUp() || t.children.empty()) return out;
  std::vector<std::string> codes;
  std::map<std::string, size_t> index;
  for (const auto& c : t.children) {
    index[c.code] = codes.size();
    codes.push_back(c.code);
  }
  ASSIGN_OR_RETURN(auto rows,
                   store::SummariesOf(conn, codes, period.Label(), now_ms - kSummaryMaxAgeMs));
  std::map<std::string, std::vector<const store::SummaryRow*>> by_key;
  for (const auto& r : rows) {
    auto& slot = by_key[r.figure];
    slot.resize(codes.size(), nullptr);
    slot[index.at(r.region)] = &r;
  }
  for (const auto& key : keys) {
    const FigureDef* def = FindFigure(key);
    auto it = by_key.find(key);
    if (!def || it == by_key.end()) continue;
    bool complete = true;
    for (const auto* r : it->second) complete = complete && r;
    if (!complete) continue;
    const std::string unit = registry.Unit(def->indicator);
    auto& list = out[key];
    for (const auto* r : it->second) list.push_back(FromRow(*def, *r, unit, period));
  }
  return out;
}

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
    std::vector<store::SummaryRow> rows;
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
