#include "dashboard/package.h"

#include "dashboard/catalogue.h"

namespace ruralec::dashboard {
namespace {

std::vector<Period> MonthsOf(const Period& p, PackageKind kind) {
  if (kind == PackageKind::kMonth) return {p};
  const int first = (p.month - 1) / 3 * 3 + 1;
  return {{p.year, first}, {p.year, first + 1}, {p.year, first + 2}};
}

std::vector<std::string> AllKeys() {
  std::vector<std::string> keys;
  for (const auto& panel : Panels())
    for (const auto& f : panel.figures) keys.push_back(f.key);
  return keys;
}

}  // namespace

Result<PackageKind> ParsePackageKind(std::string_view text) {
  if (text.empty() || text == "month") return PackageKind::kMonth;
  if (text == "quarter") return PackageKind::kQuarter;
  return Error::Invalid("kind",
                        "报送周期应为 month（月报）或 quarter（季报）: " + std::string(text));
}

Result<Package> BuildPackage(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                             const Target& target, const Period& period, PackageKind kind,
                             int64_t now_ms) {
  Package p;
  p.region = target.region.str();
  p.name = target.name;
  p.kind = kind == PackageKind::kMonth ? "month" : "quarter";
  p.label = kind == PackageKind::kMonth
                ? period.Label()
                : std::to_string(period.year) + "Q" + std::to_string((period.month - 1) / 3 + 1);
  p.months = MonthsOf(period, kind);
  p.rows.push_back({target.region.str(), target.name});
  p.rows.insert(p.rows.end(), target.children.begin(), target.children.end());
  p.as_of = now_ms;
  const std::vector<std::string> keys = AllKeys();
  for (const auto& key : keys) {
    const FigureDef* def = FindFigure(key);
    PackageSheet s{def, registry.Unit(def->indicator), {}};
    s.cells.assign(p.rows.size(), {});
    p.sheets.push_back(std::move(s));
  }
  for (const Period& m : p.months) {
    ASSIGN_OR_RETURN(Measured got, Measure(conn, registry, target, keys, keys, m, now_ms));
    for (auto& s : p.sheets) {
      s.cells[0].push_back(got.own.at(s.def->key));
      if (target.children.empty()) continue;
      const auto& kids = got.of.at(s.def->key);
      for (size_t i = 0; i < kids.size(); ++i) s.cells[i + 1].push_back(kids[i]);
    }
  }
  return p;
}

std::string PackageStem(const Package& p) { return "统计报送包_" + p.name + "_" + p.label; }

}  // namespace ruralec::dashboard
