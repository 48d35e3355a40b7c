// Follow-up (跟踪服务, issue 18 item 5): a county's conversion settings and the reminder list of
// trainees due for a follow-up (docs/TRAINING.md "Conversion and follow-up settings").
//
// Contract:
//  - Settings are per county (table training_settings): the outcome kinds that count as a
//    conversion, the window in months after the course, and the days after a session's end
//    from which an attended trainee without an outcome is due for a follow-up. A county without
//    a row has the documented defaults (kDefault*). Reading needs training:read or
//    training:read:own with the county in view; setting needs training:settings (county staff)
//    with the county in scope, audited "training.settings".
//  - training_conversion_rate reads the settings of the county of its region (a region at or
//    below a county); a target's params `kinds` / `months` override them (per programme).
//  - Due for a follow-up: one row per attended enrolment (at least one attendance day) whose
//    session ended at least reminder_days ago and at most conversion_months ago (after the
//    window an outcome no longer counts), and whose trainee has no outcome dated on or after the
//    session's first day. Scoped as the trainee register: the subtree of the caller's region,
//    or a trainer's own sessions. Oldest session end first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "training/training.h"

namespace ruralec::training {

inline const std::vector<std::string> kDefaultConversionKinds = {"opened_shop", "started_business",
                                                                 "employed", "first_online_sale"};
constexpr int kDefaultConversionMonths = 12;
constexpr int kDefaultReminderDays = 90;

struct ConversionSettings {
  RegionCode county;
  std::vector<std::string> kinds = kDefaultConversionKinds;
  int months = kDefaultConversionMonths;
  int reminder_days = kDefaultReminderDays;
  std::string reference;   // the local document or decision, free text
  bool is_default = true;  // no county row: the defaults
  std::string updated_by;  // user name, when set
  int64_t updated_at = 0;
};

// The same day `months` months later (earlier when negative); the month's last day when it has
// no such day (31 January + 1 → 28/29 February).
CivilDate MonthsAfter(CivilDate d, int months);

// The settings in force for `region`'s county (defaults above county level or without a row).
Result<ConversionSettings> SettingsFor(storage::Connection& conn, const RegionCode& region);
Result<ConversionSettings> GetSettings(const Deps& d, const account::Principal& who,
                                       const RegionCode& county);
// Replaces the county's settings: kinds from training_outcome_kinds (value or label, at least
// one), months 1–60, reminder_days 1–730; kInvalidArgument naming the field.
Result<ConversionSettings> SetSettings(const Deps& d, const account::Principal& who,
                                       const ConversionSettings& in);

struct DueFollowUp {
  int64_t trainee_id = 0, session_id = 0, course_id = 0;
  std::string name, region_code, region_name, session_name, course_title, level;
  CivilDate starts_on, ends_on;
  int64_t days_since_end = 0;
};
// The trainees of `region` (default the caller's) due for a follow-up as of today, with the
// county's reminder days (or `days` when given, 1–730).
Result<Page<DueFollowUp>> DueForFollowUp(const Deps& d, const account::Principal& who,
                                         std::optional<RegionCode> region, std::optional<int> days,
                                         const PageRequest& page);

}  // namespace ruralec::training
