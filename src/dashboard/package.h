// The statistics package for upward reporting (统计报送包, issue 25 item 4; docs/DASHBOARD.md
// "Statistics package"): every figure of the screen's panels, one sheet each, by region (the
// region itself, then its children) and month (the month, or the three months of its quarter).
// The same measurements as the screen (measure.h), so a package and a screen of the same month
// agree. Written as xlsx (libxlsxwriter, numbers as numbers) or JSON.
#pragma once

#include <string>
#include <vector>

#include "dashboard/measure.h"

namespace ruralec::dashboard {

enum class PackageKind { kMonth, kQuarter };
Result<PackageKind> ParsePackageKind(std::string_view text);  // "month" | "quarter"

struct PackageSheet {
  const FigureDef* def = nullptr;
  std::string unit;
  std::vector<std::vector<Figure>> cells;  // [row][month]; row 0 is the region itself
};

struct Package {
  std::string region, name, kind, label;  // label: "2025-06" or "2025Q2"
  std::vector<Period> months;
  std::vector<Child> rows;  // the region, then its children
  std::vector<PackageSheet> sheets;
  int64_t as_of = 0;
};

// The package of `target` for `period`'s month or quarter.
Result<Package> BuildPackage(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                             const Target& target, const Period& period, PackageKind kind,
                             int64_t now_ms);

// 统计报送包_<name>_<label> (without extension).
std::string PackageStem(const Package& p);
Status WritePackageXlsx(const Package& p, const std::string& path);

}  // namespace ruralec::dashboard
