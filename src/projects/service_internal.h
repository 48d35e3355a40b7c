// Pieces shared by the service files (service.cc, workflow.cc, inbox.cc). Internal.
#pragma once

#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "projects/projects.h"

namespace ruralec::projects::internal {

constexpr const char* kModule = "projects";
constexpr const char* kKind = "project";
constexpr const char* kEvidenceSlot = "evidence";

Status NeedRead(const account::Principal& who);
// The project when the caller may read it (projects:read and the region visible), else
// kNotFound.
Result<Project> Visible(storage::Connection& conn, const account::Principal& who, int64_t id);
// The project's detail as `who` sees it, on the current calendar.
Result<Detail> DetailOf(storage::Connection& conn, const account::Principal& who, Project p,
                        CivilDate today);

struct CalendarNow {
  calendar::Calendar cal;
  std::string version;
};
Result<CalendarNow> LoadCalendar(storage::Connection& conn);
// Computes d's due date on `cal` (n working days with pauses, or the fixed date).
void Compute(Deadline& d, const CalendarNow& c);

// The required materials of the project's type without a file ("" when complete).
Result<std::vector<MaterialStatus>> Materials(storage::Connection& conn, const Project& p);

}  // namespace ruralec::projects::internal
