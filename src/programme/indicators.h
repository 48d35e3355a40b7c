// Units and the indicator registry: what a target can measure, in which unit, from which data.
//
// Every indicator has a dimension (money, count, person-times, length, percent …) and each
// dimension a base unit in which values are compared and stored as integers: fen for money
// (core/types.h Fen), US cents for export sales, metres for road length, basis points for rates.
//
// Computing an indicator goes through IndicatorRegistry: later modules (sales ledger, stations,
// training, logistics) register a computation for the indicators they can measure. Until one
// is registered, Compute() answers `kNoDataSource` — never zero — so progress can say "no data"
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
#include "storage/db.h"

namespace ruralec::programme {

enum class Dimension { kMoney, kUsd, kCount, kPersonTimes, kLength, kPercent };
const char* DimensionName(Dimension d);  // "money", "usd", …
const char* BaseUnitName(Dimension d);   // "fen", "us_cent", "count", "person_time", …

struct UnitDef {
  std::string_view name;  // as written in plans: 亿元, 万元, 元, 个, 人次, 公里, % …
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

// One question to a data source: the indicator over a region subtree and a date range.
struct IndicatorQuery {
  std::string indicator;
  RegionCode region;
  CivilDate from, to;  // inclusive
  std::map<std::string, std::string> params;
};

struct Measurement {
  enum class Status { kOk, kNoDataSource };
  Status status = Status::kNoDataSource;
  std::optional<int64_t> value;  // base units; set only when status is kOk
  std::string source;            // which computation answered
  std::string reason;            // for kNoDataSource: why
};

using ComputeFn = std::function<Result<Measurement>(storage::Connection&, const IndicatorQuery&)>;

// The same question for several regions at once (a target's own region and its quota regions):
// one indicator, one date range, one set of params.
struct IndicatorBatch {
  std::string indicator;
  std::vector<RegionCode> regions;
  CivilDate from, to;  // inclusive
  std::map<std::string, std::string> params;
};
// A provider's grouped computation: answers several batches (of any indicators registered with
// it) together, e.g. in one read of its ledger instead of one per region and target.
// result[i][k] is the measurement of batches[i].regions[k].
using Measurements = std::vector<Measurement>;
using ComputeGroupFn = std::function<Result<std::vector<Measurements>>(
    storage::Connection&, const std::vector<IndicatorBatch>&)>;

// The plug-in point. Registration is done once at start-up by the composition root (app) for
// each module that provides data; the registry itself holds no data.
class IndicatorRegistry {
 public:
  // Fails for an unknown indicator or a second registration of the same one.
  Status Register(const std::string& indicator, std::string source, ComputeFn fn);
  // One grouped computation for several indicators ({indicator, source} pairs); all or none are
  // registered. A single Compute of one of them is a batch of one region.
  Status RegisterGroup(const std::vector<std::pair<std::string, std::string>>& indicators,
                       ComputeGroupFn fn);
  bool HasSource(std::string_view indicator) const;
  // kNoDataSource when nothing is registered; an error for an unknown indicator.
  Result<Measurement> Compute(storage::Connection& conn, const IndicatorQuery& query) const;
  // Every batch at once: result[i][k] equals Compute of batches[i] for regions[k]. Each group
  // provider is called once with all of its batches; other indicators are computed per region.
  Result<std::vector<Measurements>> ComputeAll(storage::Connection& conn,
                                               const std::vector<IndicatorBatch>& batches) const;

 private:
  struct Entry {
    std::string source;
    ComputeFn fn;                                 // or
    std::shared_ptr<const ComputeGroupFn> group;  // shared by the indicators of one group
  };
  Result<const Entry*> Find(const std::string& indicator) const;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace ruralec::programme
