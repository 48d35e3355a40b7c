// The households module as a data source of programme indicators (docs/INDICATORS.md),
// declared in the manifest:
//  - willing_poor_household_coverage_rate: willing-and-able households of the region with at
//    least one help record in the period ÷ willing-and-able households (help.h "Coverage"), in
//    basis points rounded half up, with numerator and denominator; no willing-and-able
//    household in the region is "no data" with the reason.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::households::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::households::indicators
