// The logistics network as a data source of programme indicators (docs/INDICATORS.md,
// docs/LOGISTICS.md "Coverage and frequency"), declared in the manifest:
//  - express_coverage_rate: administrative villages reached in the period ÷ administrative
//    villages (basis points, numerator and denominator given);
//  - delivery_frequency: deliveries per village per week (hundredths);
//  - delivery_lead_minutes: minutes from a town hub's 到达 to the village's 签收 (param stat:
//    median, the default, or p90);
//  - carriers_per_point: carriers accepted per active village point (hundredths);
//  - uplink_parcels_per_village: uplink parcels picked up per village (hundredths);
//  - logistics_nodes (param kind: county_centre | town_hub | village_point; scope: new, or
//    absent: active at the end of the period; upgraded is not recorded → no data);
//  - logistics_lines (param kind: trunk_line | branch_line, also trunk | branch);
//  - cold_storage_capacity: tonnes of the active cold-chain resources registered by the end of
//    the period (param kind: cold_store | ca_store | precooling | a county's kind; absent: all).
// A figure over no village, point or signed parcel is "no data" with the reason, never 0.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::logistics::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::logistics::indicators
