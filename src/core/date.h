// Civil dates (Asia/Shanghai calendar days) and UTC timestamps in milliseconds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ruralec {

class CivilDate {
 public:
  CivilDate() = default;
  CivilDate(int y, int m, int d) : y_(y), m_(m), d_(d) {}
  // Strict "YYYY-MM-DD" with a real calendar day; `field` names the input in the error.
  static Result<CivilDate> Parse(std::string_view text, std::string_view field = "date");
  static bool IsValid(int y, int m, int d);
  static CivilDate FromDays(int64_t days_since_epoch);

  int year() const { return y_; }
  int month() const { return m_; }
  int day() const { return d_; }
  int64_t DaysSinceEpoch() const;  // 1970-01-01 is 0
  int Weekday() const;             // 1 = Monday … 7 = Sunday (ISO)
  CivilDate AddDays(int64_t n) const { return FromDays(DaysSinceEpoch() + n); }
  std::string ToString() const;                        // "YYYY-MM-DD"
  auto operator<=>(const CivilDate&) const = default;  // NOLINT(modernize-use-nullptr)

 private:
  int y_ = 1970, m_ = 1, d_ = 1;
};

// Timestamps are UTC milliseconds since the Unix epoch.
std::string FormatUtc(int64_t ms);       // "2026-11-24T03:27:02.123Z"
CivilDate ShanghaiDate(int64_t utc_ms);  // the civil date in Asia/Shanghai (UTC+8, no DST)

}  // namespace ruralec
