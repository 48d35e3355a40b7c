// Coverage and frequency of the network (issue 22 item 4, docs/LOGISTICS.md "Coverage and
// frequency"): per region × period, from the scan events at the village points.
//
// Contract:
//  - A period is Beijing civil days [from, to] (inclusive); an event counts when its scan time
//    lies in it.
//  - The villages are the administrative villages (行政村: region::IsVillageCommittee) of the
//    region's subtree, from the region tree. A village is reached when one of its village
//    points (nodes of level village_point serving that village) has a delivery scan (downlink
//    到达, 入柜/驿站 or 签收) or a pickup scan (uplink 揽收 or 发往) in the period.
//  - Delivery days of a village: the distinct days with a delivery scan at its points.
//    投送频次 = delivery days summed over the villages ÷ villages ÷ (days of the period ÷ 7).
//  - Lead time: for each waybill signed (签收, downlink) at a village point in the period (its
//    first such signature), minutes from its last 到达 at a town hub before the signature; a
//    waybill without one is left out. Median and p90 by nearest rank (the value at rank
//    ⌈p·n⌉ of the sorted minutes).
//  - 收发兼容度: carriers accepted per village point, over the active points registered by the
//    end of the period. Uplink parcels: distinct uplink waybills with a pickup scan at a
//    village point in the period.
//  - Ratios are rounded half up to the unit given (basis points, hundredths). Scope checks are
//    the caller's: these functions read what lies in `region`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::logistics {

struct Period {
  CivilDate from, to;  // inclusive, Beijing days
  int64_t from_ms() const;
  int64_t end_ms() const;  // exclusive: the start of the day after `to`
  int64_t days() const { return to.DaysSinceEpoch() - from.DaysSinceEpoch() + 1; }
};
// from ≤ to and at most 366 days apart; errors name "from" / "to".
Result<Period> MakePeriod(CivilDate from, CivilDate to);
// The calendar month "YYYY-MM" as a period; an error names `field`.
Result<Period> MonthPeriod(std::string_view month, std::string_view field = "month");

// num ÷ den rounded half up (num ≥ 0, den > 0).
int64_t RoundDiv(int64_t num, int64_t den);
// The value at rank ⌈percent·n/100⌉ of the sorted values (nearest rank); nullopt when empty.
std::optional<int64_t> NearestRank(std::vector<int64_t> values, int percent);

struct VillageCoverage {
  RegionCode code;
  std::string name;
  int64_t points = 0;  // active village points registered by the end of the period
  int64_t delivery_days = 0;
  int64_t uplink_parcels = 0;
  bool reached = false;
};

// The figures of a set of villages (a town, or the whole region).
struct CoverageFigures {
  RegionCode code;
  std::string name;
  int64_t villages = 0, reached = 0;
  int64_t delivery_days = 0, uplink_parcels = 0;
  int64_t points = 0, point_carriers = 0;  // active points and the carriers they accept
  std::vector<int64_t> lead_minutes;       // one per signed waybill
  std::optional<int64_t> rate_bp() const;  // reached ÷ villages, basis points
  std::optional<int64_t> frequency_centi(int64_t days) const;  // deliveries/village/week ×100
  std::optional<int64_t> carriers_per_point_centi() const;
  std::optional<int64_t> uplink_per_village_centi() const;
  std::optional<int64_t> lead(int percent) const { return NearestRank(lead_minutes, percent); }
};

struct TownCoverage {
  CoverageFigures figures;
  std::vector<VillageCoverage> villages;  // every administrative village of the town, by code
};

struct Coverage {
  RegionCode region;
  Period period;
  CoverageFigures total;
  std::vector<TownCoverage> towns;  // by code
};

Result<Coverage> ComputeCoverage(storage::Connection& conn, const RegionCode& region,
                                 const Period& period);

// Nodes of `level` (county_centre | town_hub | village_point) in the subtree: registered in the
// period when `only_new`, else active and registered by its end.
Result<int64_t> CountNodes(storage::Connection& conn, const RegionCode& region,
                           const std::string& level, const Period& period, bool only_new);
// Lines of `kind` (trunk | branch) whose origin lies in the subtree: registered in the period
// when `only_new`, else active and registered by its end.
Result<int64_t> CountLines(storage::Connection& conn, const RegionCode& region,
                           const std::string& kind, const Period& period, bool only_new);

}  // namespace ruralec::logistics
