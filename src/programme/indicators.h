// Units and the indicator registry: what a target can measure, in which unit, from which data.
//
// Every indicator has a dimension (money, count, person-times, length, percent …) and each
// dimension a base unit in which values are compared and stored as integers: fen for money
// (core/types.h Fen), US cents for export sales, metres for road length, basis points for rates.
//
// Computing an indicator goes through runtime::IndicatorRegistry: modules holding data (sales
// ledger, stations, training, logistics) declare computations in their manifests. Until one is
// registered, Compute() answers `kNoDataSource` — never zero — so progress can say "no data"
// instead of "0% done".
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::programme {

// kScore: assessment points (分), base unit hundredths of a point (centi_point), for locally set
// eligibility thresholds on assessment totals (003 R03).
// kRatio: a plain figure per unit of something, to the hundredth (base unit centi: 投送频次
// 次/周, carriers per point 家/点, parcels per village 件/村). kDuration: minutes (分钟, 小时).
// kMass: whole tonnes (吨, 万吨), base unit tonne (cold storage capacity).
enum class Dimension {
  kMoney,
  kUsd,
  kCount,
  kPersonTimes,
  kLength,
  kPercent,
  kScore,
  kRatio,
  kDuration,
  kMass
};
const char* DimensionName(Dimension d);  // "money", "usd", …
const char* BaseUnitName(Dimension d);  // "fen", "us_cent", "count", "person_time", … "centi_point"

struct UnitDef {
  std::string_view name;  // as written in plans: 亿元, 万元, 元, 个, 人次, 公里, %, 分 …
  Dimension dimension;
  int64_t factor;  // base units per one unit (亿元 → 10'000'000'000 fen)
};
const std::vector<UnitDef>& Units();
const UnitDef* FindUnit(std::string_view name);

// Exact conversion of a decimal written in `unit` to base units; fails when the number is not
// a plain decimal, does not fit, or is finer than the base unit (0.001元).
Result<int64_t> Normalize(std::string_view text, std::string_view unit);

struct Indicator {
  std::string id;    // snake_case, used in programme files
  std::string name;  // Chinese name for the UI
  Dimension dimension;
  std::vector<std::string> params;  // parameter keys a target may (or must) give
  std::vector<std::string> required_params;
  std::string definition;
  std::string data_source;  // module and ledger that will compute it
};

const std::vector<Indicator>& Indicators();
const Indicator* FindIndicator(std::string_view id);
bool UnitFits(const Indicator& indicator, std::string_view unit);

// The registry mechanism lives in the runtime layer (runtime/indicators.h) so that modules
// holding data register computations without depending on programme; programme supplies the
// catalogue (which ids exist) through its manifest.
using runtime::ComputeFn;
using runtime::ComputeGroupFn;
using runtime::IndicatorBatch;
using runtime::IndicatorQuery;
using runtime::IndicatorRegistry;
using runtime::Measurement;
using runtime::Measurements;

// The catalogue lookup for runtime::IndicatorRegistry: the planned data source of a known id.
std::optional<std::string> PlannedSource(std::string_view id);
// The base unit name of a known id's dimension (BaseUnitName), "" for an unknown id.
std::string BaseUnitOf(std::string_view id);
// Whether staff may report the indicator's value by hand (src/reporting, docs/INDICATORS.md
// "Reported values"): the planned source is an operator report with evidence, or the module that
// will compute it is not built yet. A computed value, where one exists, takes precedence.
bool Reportable(std::string_view id);

}  // namespace ruralec::programme
