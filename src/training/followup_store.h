// The follow-up and report store (followup.h, matrix.h): training_settings, the
// due-for-follow-up read over enrolments, sessions, courses, attendance and outcomes, and
// person-times grouped by child region and level. Only SQL; rules in followup.cc, matrix.cc.
#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "storage/db.h"
#include "storage/stamp.h"
#include "training/followup.h"
#include "training/training_store.h"

namespace ruralec::training::store {

// The county's row, or nullopt (the defaults apply).
Result<std::optional<ConversionSettings>> SettingsRow(storage::Connection& conn,
                                                      const RegionCode& county);
Status PutSettings(storage::Connection& conn, const ConversionSettings& s, storage::Stamp stamp);

// Attended enrolments visible in `v` whose session ended in [ended_from, ended_to] (dates
// YYYY-MM-DD) and whose trainee has no outcome dated on or after the session's first day.
Result<Page<DueFollowUp>> DueFollowUps(storage::Connection& conn, const View& v,
                                       const std::string& ended_from, const std::string& ended_to,
                                       const PageRequest& page);

// Person-times of `s` (matrix.h) per child region — the first `child_digits` digits of the
// trainee's region code — and course level: {child prefix, level, person-times}.
struct ChildLevelCount {
  std::string child, level;
  int64_t person_times = 0;
};
Result<std::vector<ChildLevelCount>> PersonTimesByChildLevel(storage::Connection& conn,
                                                             const Span& s, size_t child_digits);

}  // namespace ruralec::training::store
