// Deadlines on the official working-day calendar (projects.h contract; docs/PROJECTS.md).
// Pure functions over calendar::Calendar: no database.
//
//  - A deadline of n working days from an event date E is the n-th working day strictly after E
//    (the day of receipt does not count), where a working day is the calendar's.
//  - A pause (补正) from P to R: the working days strictly after P up to and including R do not
//    count; an open pause (no R yet) leaves the deadline without a date (paused).
//  - When the walk meets a day of a year the calendar does not know, the deadline has no date
//    and is provisional: never guessed. Recomputing after that year is loaded gives the date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace ruralec::projects {

struct Pause {
  CivilDate from;
  std::optional<CivilDate> to;
};
// "2019-09-30/2019-10-08,2019-10-10/" ⇄ pauses (an empty text: none).
std::vector<Pause> ParsePauses(const std::string& text);
std::string FormatPauses(const std::vector<Pause>& pauses);

struct Due {
  std::optional<CivilDate> date;
  bool provisional = false;  // the walk entered a year the calendar does not know
  bool paused = false;       // an open pause
};
Due DueAfter(const calendar::Calendar& cal, CivilDate start, int working_days,
             const std::vector<Pause>& pauses);

// The version of the calendar a computation used: the known years and a digest of their days,
// e.g. "2004-2026#5f3a9c01" (changes when an admin adds or replaces a year).
std::string CalendarVersion(const std::vector<calendar::YearInfo>& years);

}  // namespace ruralec::projects
