// Reads the npm package chinese-days (dist/chinese-days.json) into calendar days per year.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "calendar/calendar.h"

namespace ruralec::calendar {

// Years present in the package, each with its holidays and make-up workdays.
Result<std::map<int, std::vector<Day>>> ReadChineseDays(const std::string& json_path);

// Parses the calendar days of a JSON document {"days":[{"date","kind","name"}]}.
Result<std::vector<Day>> ParseDaysJson(const std::string& text);

// The calendar of the package alone (for commands run without a database).
Result<Calendar> ChineseDaysCalendar(const std::string& json_path);

}  // namespace ruralec::calendar
