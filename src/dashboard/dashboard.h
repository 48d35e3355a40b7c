// The statistical monitoring screen (大屏, issue 25 items 1–4; docs/DASHBOARD.md): what a
// region's screen shows, read only from the process's indicator registry, the funds module's
// C++ API and the programme module's progress. The module owns no ledger: it asks.
//
// Contract:
//  - Every figure is one registry measurement (or a roll-up of several) with its period, its
//    unit, its source and the time it was computed (`as_of`, UTC ms). A figure the registry
//    cannot answer is status "no_data" with the reason — never 0.
//  - Roll-up: above county level (city, province) a summable figure is the sum of the counties'
//    figures and a rate is Σ numerator ÷ Σ denominator (recomputed, never an average of rates);
//    a county without data is listed in `missing` and left out of the sum, the figure is then
//    `complete: false`; no county with data → no_data. A figure that is neither (a frequency)
//    is measured over the region's subtree directly. At county level the figure is the county's
//    own measurement; its towns are measured for the ranking.
//  - Scope is the caller's: the screen of a region outside it (a town user asking for their
//    county, a county user for another county) is refused by the routes (kForbidden).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"

namespace ruralec::dashboard {

// The span of a figure relative to the screen's month.
enum class Span {
  kMonth,           // the month
  kYearToDate,      // January 1 … the month's last day
  kLastYearToDate,  // the same span a year earlier (the base of year on year)
  kToDate,          // everything up to the month's last day (cumulative designations)
};

// How a figure of a region above county level is made from its counties'.
enum class Roll { kSum, kRate, kDirect };

struct FigureDef {
  std::string key;    // stable: "sales_ytd"
  std::string label;  // Chinese
  std::string indicator;
  std::map<std::string, std::string> params;
  Span span = Span::kMonth;
  Roll roll = Roll::kSum;
};

struct PanelDef {
  std::string key, title;
  std::vector<FigureDef> figures;
};

// The screen's month and the date ranges of its spans.
struct Period {
  int year = 0, month = 0;  // the screen's month
  CivilDate MonthStart() const { return {year, month, 1}; }
  CivilDate MonthEnd() const;
  std::string Label() const;  // "2025-06"
};
Result<Period> ParsePeriod(std::string_view text, std::string_view field = "month");
Period PeriodOf(const CivilDate& day);
Period Shift(const Period& p, int months);  // p + months (negative: earlier)
struct Range {
  CivilDate from, to;
};
Range RangeOf(Span s, const Period& p);

// One number on the screen.
struct Figure {
  std::string key, label, indicator, unit;
  std::map<std::string, std::string> params;
  CivilDate from, to;
  bool ok = false;  // false: no data (reason says why)
  std::optional<int64_t> value, numerator, denominator;
  std::optional<int64_t> baseline;  // an increase: the year-earlier figure it is measured from
  std::string source, reason;
  int64_t as_of = 0;                 // UTC ms the measurement was made
  bool stored = false;               // from the stored county figures (summary.h)
  int64_t children = 0;              // counties summed (roll-up only), else 0
  std::vector<std::string> missing;  // counties without data (roll-up only)
};

struct Panel {
  std::string key, title;
  std::vector<Figure> figures;
};

// One child region (town of a county, county of a city/province) and its ranked figures.
struct ChildRow {
  std::string code, name;
  std::map<std::string, Figure> figures;  // by figure key
};

struct TrendSeries {
  std::string key, label, unit;
  std::vector<std::optional<int64_t>> values;  // one per month, oldest first; null = no data
};

struct Trends {
  std::vector<std::string> months;  // "2024-07" … the screen's month
  std::vector<TrendSeries> series;
  int64_t as_of = 0;
};

}  // namespace ruralec::dashboard
