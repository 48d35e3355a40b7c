// Measuring the screen's figures through the indicator registry, with the roll-up of the
// contract in dashboard.h. One ComputeAll per call: a provider that groups (the sales ledger)
// reads its ledger once for every figure and region of the screen.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "dashboard/dashboard.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::dashboard {

struct Child {
  std::string code, name;  // 12-digit code
};

// The region of a screen and the children it is summed from and ranked by.
struct Target {
  RegionCode region;
  std::string name;
  std::vector<Child>
      children;  // counties above county level, towns of a county, villages of a town
  bool RollsUp() const { return region.level() < RegionLevel::kCounty; }
};

// The children of `region`: its counties for a city or province, else its direct children.
Result<std::vector<Child>> ChildrenOf(storage::Connection& conn, const RegionCode& region);

struct Measured {
  std::map<std::string, Figure> own;              // the region's figures, by key
  std::map<std::string, std::vector<Figure>> of;  // children's figures by key (children order)
};

// Measures `keys` (figure keys of the catalogue) for the target in `period`; children are
// measured for a roll-up and for the keys in `ranked`. `now_ms` is every figure's as_of.
// `stored` (summary.h StoredFigures): figures already known — the children's by key (children
// order) and the region's own by key; those are not measured again.
// `partial`: keys some children have figures for (children order, nullopt = measure that child).
struct Stored {
  std::map<std::string, std::vector<Figure>> children;
  std::map<std::string, std::vector<std::optional<Figure>>> partial;
  std::map<std::string, Figure> own;
};
Result<Measured> Measure(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                         const Target& target, const std::vector<std::string>& keys,
                         const std::vector<std::string>& ranked, const Period& period,
                         int64_t now_ms, const Stored* stored = nullptr);

// One figure from one measurement.
Figure FigureOf(const FigureDef& def, const runtime::Measurement& m, const std::string& unit,
                const Range& range, int64_t now_ms);

// The roll-up of the children's figures (same definition, children order) into the region's:
// a sum, or Σ numerator ÷ Σ denominator in basis points (half up); children without data are
// `missing`; none with data → no data. `codes` names the children for `missing`.
Figure RollUp(const FigureDef& def, const std::vector<Figure>& children,
              const std::vector<std::string>& codes);

// Basis points of num ÷ den rounded half up (den > 0).
int64_t RateBp(int64_t num, int64_t den);

}  // namespace ruralec::dashboard
