// The reviewer's inbox: open deadlines in scope on the current calendar, sorted by due date, and
// the overdue ones counted per stage and reviewer (projects.h).
#include <algorithm>
#include <map>

#include "projects/deadlines.h"
#include "projects/projects.h"
#include "projects/projects_store.h"
#include "projects/service_internal.h"

namespace ruralec::projects {
namespace {

bool Earlier(const Deadline& a, const Deadline& b) {
  if (a.due_on.has_value() != b.due_on.has_value()) return a.due_on.has_value();
  if (a.due_on && *a.due_on != *b.due_on) return *a.due_on < *b.due_on;
  return a.project_id < b.project_id;
}

Status NameReviewers(storage::Connection& conn, Inbox& box) {
  std::vector<int64_t> ids;
  for (const auto& d : box.items)
    if (d.reviewer_id) ids.push_back(*d.reviewer_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  auto name = [&](const std::optional<int64_t>& id) -> std::string {
    if (!id || !labels.contains(*id)) return "";
    return labels[*id].display_name;
  };
  for (auto& d : box.items) d.reviewer_name = name(d.reviewer_id);
  for (auto& o : box.overdue) o.reviewer_name = name(o.reviewer_id);
  return {};
}

}  // namespace

Result<Inbox> OpenDeadlines(const Deps& d, const account::Principal& who, InboxFilter f) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto open, store::OpenDeadlines(*conn, f));
  ASSIGN_OR_RETURN(internal::CalendarNow cal, internal::LoadCalendar(*conn));
  Inbox box;
  box.today = ShanghaiDate(d.clock.NowMs());
  box.soon_until = DueAfter(cal.cal, box.today, kReminderWorkingDays, {}).date;
  std::map<std::pair<std::string, int64_t>, int64_t> overdue;
  for (auto& x : open) {
    internal::Compute(x, cal);
    x.overdue = x.due_on && *x.due_on < box.today;
    x.due_soon = x.due_on && !x.overdue && box.soon_until && *x.due_on <= *box.soon_until;
    if (f.overdue_only && !x.overdue) continue;
    if (f.due_soon_only && !x.due_soon) continue;
    if (x.overdue) ++overdue[{x.stage, x.reviewer_id.value_or(0)}];
    box.items.push_back(std::move(x));
  }
  std::sort(box.items.begin(), box.items.end(), Earlier);
  for (const auto& [k, n] : overdue) {
    OverdueCount c{k.first, std::nullopt, "", n};
    if (k.second) c.reviewer_id = k.second;
    box.overdue.push_back(c);
  }
  RETURN_IF_ERROR(NameReviewers(*conn, box));
  return box;
}

}  // namespace ruralec::projects
