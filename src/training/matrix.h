// Person-times by child region and course level (issue 18 item 8, the quota matrix): for a
// region and a year, each child region (a county's towns, a city's counties, a town's
// villages) with its person-times per course level and in total, counted as
// training_person_times counts them (docs/TRAINING.md "人次": a trainee in a session with an
// attendance day in the year, in the region of the trainee's home village). The console sets
// the programme's per-region quotas of training_person_times beside it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "training/training.h"

namespace ruralec::training {

struct PersonTimesRow {
  std::string region_code, region_name;
  std::map<std::string, int64_t> by_level;  // level value → person-times (absent: none)
  int64_t total = 0;
};
struct PersonTimesMatrix {
  RegionCode region;
  int year = 0;
  std::vector<DictValue> levels;     // the county's levels (built-in and additions), in order
  std::vector<PersonTimesRow> rows;  // every child region, in code order
  std::map<std::string, int64_t> by_level;
  int64_t total = 0;
};
// Needs training:read with `region` in view (a village has no children: kInvalidArgument).
Result<PersonTimesMatrix> PersonTimesByChild(const Deps& d, const account::Principal& who,
                                             const RegionCode& region, int year);

}  // namespace ruralec::training
