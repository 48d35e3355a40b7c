// Training as a data source of programme indicators (docs/INDICATORS.md "Indicators with a data
// source (training)"), declared in the manifest. Regions: a person-time, a trainee or a leader
// counts in the region of the trainee's home village (region_code copied onto the attendance
// row when it is written), so a county's figure adds up its towns'. Periods: an attendance
// counts when its day lies in [from, to].
//  - training_person_times: distinct (session, trainee) pairs with an attendance day in the
//    period (docs/TRAINING.md "人次"); param audience: only trainees of that audience category
//    (audience=registered_poor_household: the poor-household subset — until the households
//    module links trainees to registered poor households, the audience category is the source).
//  - training_trainees: distinct trainees with an attendance day in the period (人), same param.
//  - ecommerce_leaders: distinct trainees with an outcome of kind `leader` dated in the period.
//  - training_conversion_rate: trainees of the period (attendance in it) with a counting outcome
//    (default opened_shop, started_business, employed, first_online_sale) dated from their last
//    attendance day of the period to `months` (param, default 12, 1–60) months after it ÷
//    trainees of the period, in basis points (half up) with numerator and denominator; no
//    trainee in the period is "no data".
// An audience value the dictionaries do not know is "no data" with the reason.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::training::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::training::indicators
