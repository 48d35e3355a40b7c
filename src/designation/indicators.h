// Designations as a data source of programme indicators (docs/INDICATORS.md, declared in the
// manifest):
//  - demonstration_units (params level, kind): designations of the region subtree recognised on
//    a day of [from, to] and still recognised at the end of `to`, at `level` (national,
//    province, city, county — `district` is the programme files' word for county — or `any`)
//    of `kind` (county, town, village, point, enterprise, park). A designation counts in the
//    subtree of its subject's region (a 示范县 in its county and above, a 示范点 in its
//    station's village and above). A parameter value the registry cannot answer is "no data"
//    with the reason, never 0.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::designation::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::designation::indicators
