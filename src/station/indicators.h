// The station registry as a data source of programme indicators (docs/INDICATORS.md
// "Indicators with a data source (station registry)"), declared in the manifest:
//  - stations: stations of the region subtree by level and status as of `to`;
//  - village_station_coverage_rate: administrative villages (region::IsVillageCommittee) with
//    at least one village-level station operating as of `to` ÷ administrative villages;
//  - poverty_village_station_coverage_rate: the same over villages tagged poverty_village;
//  - station_uplink_sales: the amounts of the current `uplink` service records (fen) of the
//    subtree's stations in the months from the month of `from` to the month of `to`;
//  - station_service_count: the quantities of the current service records (param item: one
//    item, by value or label; default every item) over the same months.
// Rates are basis points (half away from zero) with numerator and denominator; a rate over no
// village, or a parameter value the registry cannot answer, is "no data" with the reason.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::station::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::station::indicators
