#include "projects/work_items.h"

#include "account/account.h"
#include "projects/findings.h"
#include "runtime/context.h"

namespace ruralec::projects {
namespace {

using runtime::WorkItems;

// The number of findings in the caller's scope matching `f` (a one-row page: its total).
Result<int64_t> CountFindings(const Deps& d, const account::Principal& who, FindingFilter f) {
  PageRequest one;
  one.page_size = 1;
  ASSIGN_OR_RETURN(auto page, ListFindings(d, who, std::move(f), one));
  return page.total;
}

Result<WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  const Deps d{ctx.db(), ctx.audit(), ctx.clock()};
  WorkItems w;
  FindingFilter overdue;
  overdue.overdue_only = true;
  ASSIGN_OR_RETURN(int64_t late, CountFindings(d, who, overdue));
  if (late > 0)
    w.todos.push_back(
        {"projects.findings_overdue", "逾期未整改的问题", late, "danger", "/findings"});
  if (who.Can("projects:review")) {
    FindingFilter submitted;
    submitted.status = FindingStatus::kSubmitted;
    ASSIGN_OR_RETURN(int64_t check, CountFindings(d, who, submitted));
    if (check > 0)
      w.todos.push_back(
          {"projects.findings_to_check", "整改待核实的问题", check, "warning", "/findings"});
    InboxFilter f;
    f.overdue_only = true;
    ASSIGN_OR_RETURN(Inbox box, OpenDeadlines(d, who, f));
    if (!box.items.empty())
      w.todos.push_back({"projects.deadlines_overdue", "已逾期的评审验收期限",
                         static_cast<int64_t>(box.items.size()), "danger", "/projects/inbox"});
    InboxFilter soon;
    soon.due_soon_only = true;
    ASSIGN_OR_RETURN(Inbox near, OpenDeadlines(d, who, soon));
    if (!near.items.empty())
      w.todos.push_back({"projects.deadlines_due_soon", "两个工作日内到期的评审验收期限",
                         static_cast<int64_t>(near.items.size()), "warning",
                         "/projects/inbox?due_soon=true"});
  }
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() {
  return {{"findings_and_deadlines", "projects:read", Items}};
}

}  // namespace ruralec::projects
