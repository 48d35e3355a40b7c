// The official working-day calendar: statutory holidays and make-up workdays per year
// (reference data from npm chinese-days; an admin can add years the package lacks).
// A day is a working day when it is a make-up workday, or a Monday-Friday that is not a
// holiday. Anything outside the known years is an error, never a guess.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "storage/db.h"

namespace ruralec::calendar {

enum class DayKind { kHoliday, kWorkday };
const char* DayKindName(DayKind k);  // "holiday" | "workday"

struct Day {
  CivilDate date;
  DayKind kind = DayKind::kHoliday;
  std::string name;  // e.g. "国庆节"
};

struct YearInfo {
  int year = 0;
  std::string source;  // "chinese-days" | "admin"
  int holidays = 0;
  int workdays = 0;
};

class Calendar {
 public:
  // `years` are the known years; `days` the exceptions to the weekday rule within them.
  Calendar(std::set<int> years, const std::vector<Day>& days);
  bool Knows(int year) const { return years_.count(year) > 0; }
  const std::set<int>& years() const { return years_; }
  Result<bool> IsWorkingDay(CivilDate d) const;
  // The n-th working day strictly after `d` (n >= 0; n = 0 returns d).
  Result<CivilDate> WorkdaysAfter(CivilDate d, int n) const;

 private:
  std::set<int> years_;
  std::map<CivilDate, DayKind> days_;
};

// Validates a year's days: all within `year`, no duplicates, holidays/workdays named.
Status ValidateYear(int year, const std::vector<Day>& days);

// Storage (inside the caller's transaction for writes).
Result<Calendar> Load(storage::Connection& conn);
Result<std::vector<YearInfo>> ListYears(storage::Connection& conn);
Result<std::vector<Day>> YearDays(storage::Connection& conn, int year);
// Adds or replaces one year.
Status PutYear(storage::Connection& conn, int year, const std::vector<Day>& days,
               const std::string& source, int64_t now_ms);

}  // namespace ruralec::calendar
