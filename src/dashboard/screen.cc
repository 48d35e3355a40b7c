#include "dashboard/screen.h"

#include <algorithm>
#include <cstdlib>

#include "dashboard/catalogue.h"
#include "dashboard/side_panels.h"
#include "dashboard/summary.h"
#include "region/region.h"

namespace ruralec::dashboard {
namespace {

bool Wanted(const std::vector<std::string>& only, const std::string& key) {
  return only.empty() || std::find(only.begin(), only.end(), key) != only.end();
}

const char* ChildrenLevel(const RegionCode& r) {
  switch (r.level()) {
    case RegionLevel::kProvince:
    case RegionLevel::kCity:
      return "county";
    case RegionLevel::kCounty:
      return "town";
    case RegionLevel::kTown:
      return "village";
    default:
      return "";
  }
}

// The registry panels asked for, measured together.
Result<std::vector<Panel>> RegistryPanels(const Deps& d, storage::Connection& conn, const Target& t,
                                          const Period& period,
                                          const std::vector<std::string>& only, int64_t now) {
  std::vector<std::string> keys;
  for (const auto& p : Panels())
    if (Wanted(only, p.key))
      for (const auto& f : p.figures) keys.push_back(f.key);
  if (keys.empty()) return std::vector<Panel>{};
  ASSIGN_OR_RETURN(auto stored, StoredFigures(conn, d.registry, t, keys, period, now));
  ASSIGN_OR_RETURN(Measured m, Measure(conn, d.registry, t, keys, {}, period, now, &stored));
  std::vector<Panel> out;
  for (const auto& p : Panels()) {
    if (!Wanted(only, p.key)) continue;
    Panel panel{p.key, p.title, {}};
    for (const auto& f : p.figures) panel.figures.push_back(m.own.at(f.key));
    if (p.key == "sales") panel.figures.push_back(YearOnYear(m.own.at("sales_increase_ytd")));
    out.push_back(std::move(panel));
  }
  return out;
}

// The trend series over the 12 months ending with `period`: a city or province from the stored
// county figures where every county has them, else (and below) measured over the subtree.
Result<Trends> BuildTrends(const Deps& d, storage::Connection& conn, const Target& t,
                           const Period& period, int64_t now) {
  Trends out;
  out.as_of = now;
  std::vector<std::string> codes;
  for (const auto& c : t.children) codes.push_back(c.code);
  std::map<std::pair<std::string, int>, std::optional<int64_t>> known;
  std::vector<runtime::IndicatorBatch> batches;
  std::vector<std::pair<std::string, int>> asked;
  std::vector<Period> periods;
  for (int i = 11; i >= 0; --i) periods.push_back(Shift(period, -i));
  ASSIGN_OR_RETURN(auto months, StoredMonths(conn, d.registry, t, TrendKeys(), periods, now));
  for (int i = 11; i >= 0; --i) {
    const Period p = Shift(period, -i);
    out.months.push_back(p.Label());
    const Stored& stored = months[p.Label()];
    for (const auto& key : TrendKeys()) {
      const FigureDef* def = FindFigure(key);
      if (auto it = stored.children.find(key); it != stored.children.end()) {
        Figure f = RollUp(*def, it->second, codes);
        known[{key, i}] = f.ok ? f.value : std::nullopt;
        out.as_of = std::min(out.as_of, f.as_of);
        continue;
      }
      Range r = RangeOf(Span::kMonth, p);
      batches.push_back({def->indicator, {t.region}, r.from, r.to, def->params});
      asked.emplace_back(key, i);
    }
  }
  ASSIGN_OR_RETURN(auto answers, d.registry.ComputeAll(conn, batches));
  for (size_t b = 0; b < asked.size(); ++b) {
    const auto& m = answers.at(b).at(0);
    const bool ok = m.status == runtime::Measurement::Status::kOk && m.value;
    known[asked[b]] = ok ? m.value : std::nullopt;
  }
  for (const auto& key : TrendKeys()) {
    const FigureDef* def = FindFigure(key);
    TrendSeries s{key, def->label, d.registry.Unit(def->indicator), {}};
    for (int i = 11; i >= 0; --i) s.values.push_back(known[{key, i}]);
    out.series.push_back(std::move(s));
  }
  return out;
}

// Descending by value; children without data after, by code.
void Rank(std::vector<RankRow>& rows, const std::string& by) {
  auto value = [&by](const RankRow& r) -> std::optional<int64_t> {
    auto it = r.figures.find(by);
    if (it == r.figures.end() || !it->second.ok) return std::nullopt;
    return it->second.value;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const RankRow& a, const RankRow& b) {
    auto va = value(a), vb = value(b);
    if (va.has_value() != vb.has_value()) return va.has_value();
    if (va && *va != *vb) return *va > *vb;
    return a.child.code < b.child.code;
  });
  int64_t n = 0;
  for (auto& r : rows) r.rank = value(r) ? ++n : 0;
}

}  // namespace

Figure YearOnYear(const Figure& increase) {
  Figure f = increase;
  f.key = "sales_yoy";
  f.label = "网络销售额同比增长";
  f.unit = "basis_point";
  f.value.reset();
  f.baseline.reset();
  f.ok = increase.ok && increase.value && increase.baseline && *increase.baseline != 0;
  if (!f.ok) {
    if (increase.ok) f.reason = "上年同期为0，无法计算同比";
    return f;
  }
  const int64_t diff = *increase.value * 10000, base = *increase.baseline;
  const int64_t q = (std::llabs(diff) * 2 + std::llabs(base)) / (2 * std::llabs(base));
  f.value = ((diff < 0) != (base < 0)) ? -q : q;
  f.numerator = *increase.value;
  f.denominator = base;
  f.reason = "";
  return f;
}

Result<Target> TargetOf(storage::Connection& conn, const account::Principal& who,
                        const RegionCode& region) {
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(region::Region r, region::Get(conn, region));
  ASSIGN_OR_RETURN(auto children, ChildrenOf(conn, region));
  return Target{region, r.name, std::move(children)};
}

Result<Screen> BuildScreen(const Deps& d, const account::Principal& who, const RegionCode& region,
                           const Period& period, const std::vector<std::string>& only) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Target t, TargetOf(*conn, who, region));
  const int64_t now = d.clock.NowMs();
  Screen s;
  s.region = region.str();
  s.name = t.name;
  s.level = RegionLevelName(region.level());
  s.children_level = ChildrenLevel(region);
  s.period = period;
  s.as_of = now;
  ASSIGN_OR_RETURN(s.panels, RegistryPanels(d, *conn, t, period, only, now));
  if (Wanted(only, "funds")) {
    ASSIGN_OR_RETURN(s.funds, FundsPanel(d, who, region, now));
  }
  if (Wanted(only, "programme")) {
    ASSIGN_OR_RETURN(s.programme, ProgrammesPanel(d, *conn, who, region, now));
  }
  if (Wanted(only, "trends")) {
    ASSIGN_OR_RETURN(s.trends, BuildTrends(d, *conn, t, period, now));
  }
  return s;
}

Result<Ranking> BuildRanking(const Deps& d, const account::Principal& who, const RegionCode& region,
                             const Period& period, const std::string& by) {
  const auto& keys = RankedKeys();
  if (std::find(keys.begin(), keys.end(), by) == keys.end())
    return Error::Invalid("by", "排名指标应为 sales_ytd、uplink_ytd、stations 等之一: " + by);
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Target t, TargetOf(*conn, who, region));
  const int64_t now = d.clock.NowMs();
  ASSIGN_OR_RETURN(auto stored, StoredFigures(*conn, d.registry, t, keys, period, now));
  ASSIGN_OR_RETURN(Measured m, Measure(*conn, d.registry, t, keys, keys, period, now, &stored));
  Ranking out{by, {}, now};
  for (size_t i = 0; i < t.children.size(); ++i) {
    RankRow row{0, t.children[i], {}};
    for (const auto& k : keys) row.figures[k] = m.of.at(k).at(i);
    out.rows.push_back(std::move(row));
  }
  Rank(out.rows, by);
  return out;
}

}  // namespace ruralec::dashboard
