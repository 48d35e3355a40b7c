// The indicator registry: how a module that owns data answers "what is indicator X over region R
// between two dates". Modules declare their computations in their manifest (runtime/module.h);
// the composition root registers them into the one registry of the process (Context).
// Contract:
//  - Register fails for an indicator the catalogue does not know and for a second computation
//    of the same indicator (one owner per figure).
//  - Compute answers kNoDataSource — never zero — while nothing is registered, so progress can
//    say "no data" instead of "0% done"; an unknown indicator is an error.
//  - The catalogue (which ids exist, what is planned as their source) is given by the module
//    that defines indicators (programme); without one, every id is accepted.
//  - Reported values (a person's confirmed report, src/reporting) are consulted only for the
//    measurements the computations left without data (no computation registered, or one that
//    answered kNoDataSource): a computed value always takes precedence over a reported one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::runtime {

// One question to a data source: the indicator over a region subtree and a date range.
struct IndicatorQuery {
  std::string indicator;
  RegionCode region;
  CivilDate from, to;  // inclusive
  std::map<std::string, std::string> params;
};

// Who stated a reported value: the confirmed report that answered, set by the reported-values
// provider (never by a computation).
struct ReportedBy {
  int64_t report_id = 0;
  std::string period;                         // "2023Q3"
  std::string reported_by, confirmed_by;      // display names
  int64_t reported_at = 0, confirmed_at = 0;  // UTC ms
};

struct Measurement {
  enum class Status { kOk, kNoDataSource };
  Status status = Status::kNoDataSource;
  std::optional<int64_t> value;  // base units; set only when status is kOk
  std::string source;            // which computation answered
  std::string reason;            // for kNoDataSource: why
  // Rates (value in basis points): the counts the value is the ratio of; unset otherwise.
  std::optional<int64_t> numerator, denominator;
  std::optional<ReportedBy> reported;  // set when a confirmed report answered, not a computation
  // An increase or a growth rate: the year-earlier figure it is measured from (base units) and
  // that period, so a reader sees the baseline; unset otherwise.
  std::optional<int64_t> baseline;
  std::optional<CivilDate> baseline_from, baseline_to;
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

// Which indicator ids exist: nullopt for an unknown id, else the planned data source (text).
using IndicatorCatalogue = std::function<std::optional<std::string>(std::string_view id)>;
// The base unit of an indicator's values ("fen", "count", "basis_point" …); "" when unknown.
using IndicatorUnit = std::function<std::string(std::string_view id)>;

class IndicatorRegistry {
 public:
  IndicatorRegistry() = default;
  explicit IndicatorRegistry(IndicatorCatalogue catalogue, IndicatorUnit unit = nullptr)
      : catalogue_(std::move(catalogue)), unit_(std::move(unit)) {}

  // Fails for an unknown indicator or a second registration of the same one.
  Status Register(const std::string& indicator, std::string source, ComputeFn fn);
  // One grouped computation for several indicators ({indicator, source} pairs); all or none are
  // registered. A single Compute of one of them is a batch of one region.
  Status RegisterGroup(const std::vector<std::pair<std::string, std::string>>& indicators,
                       ComputeGroupFn fn);
  // The provider of reported values (at most one; kConflict for a second): asked, in one call,
  // for every measurement the computations left without data. Its kNoDataSource answers keep
  // the computation's reason; for an indicator without a computation its reason replaces ours.
  Status SetReported(ComputeGroupFn fn);
  bool HasSource(std::string_view indicator) const;
  // Whether the catalogue knows the id (every id without a catalogue).
  bool Known(std::string_view indicator) const { return Planned(indicator).has_value(); }
  // The base unit of the indicator's values, "" when no catalogue says.
  std::string Unit(std::string_view indicator) const { return unit_ ? unit_(indicator) : ""; }
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
  std::optional<std::string> Planned(std::string_view id) const;
  Result<const Entry*> Find(const std::string& indicator) const;
  Measurement NoSource(const std::string& indicator) const;
  Status FillReported(storage::Connection& conn, const std::vector<IndicatorBatch>& batches,
                      std::vector<Measurements>& out) const;

  IndicatorCatalogue catalogue_;
  IndicatorUnit unit_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::shared_ptr<const ComputeGroupFn> reported_;
};

}  // namespace ruralec::runtime
