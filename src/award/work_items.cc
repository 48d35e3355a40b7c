#include "award/work_items.h"

#include "account/account.h"
#include "runtime/context.h"

namespace ruralec::award {
namespace {

using runtime::WorkItems;

struct Waiting {
  int64_t proposed = 0;    // visible lists waiting for approval
  int64_t to_approve = 0;  // of those, neither made nor proposed by the caller
  int64_t drafts = 0;      // latest versions still in draft
};

// Lists in the caller's view (scope inside their region or an ancestor of it, as award reads).
Result<Waiting> CountLists(runtime::Context& ctx, const account::Principal& who) {
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(
      auto rows,
      conn->Query("SELECT l.scope_code, l.status, l.created_by, COALESCE(l.proposed_by, 0) "
                  "FROM award_lists l WHERE l.status IN ('draft', 'proposed') AND NOT EXISTS "
                  "(SELECT 1 FROM award_lists n WHERE n.programme_key = l.programme_key AND "
                  "n.scope_code = l.scope_code AND n.period = l.period AND n.version > l.version)",
                  {}));
  Waiting w;
  for (const auto& r : rows) {
    if (!who.CanSee(r.Text(0))) continue;
    if (r.Text(1) == "draft") {
      ++w.drafts;
      continue;
    }
    ++w.proposed;
    if (r.Int(2) != who.id.value && r.Int(3) != who.id.value) ++w.to_approve;
  }
  return w;
}

Result<WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  ASSIGN_OR_RETURN(Waiting n, CountLists(ctx, who));
  WorkItems w;
  if (who.Can("award:approve") && n.to_approve > 0)
    w.todos.push_back(
        {"award.lists_to_approve", "待审核的奖补清单", n.to_approve, "warning", "/awards"});
  if (who.Can("award:propose") && n.drafts > 0)
    w.todos.push_back({"award.drafts", "待提交审核的奖补清单", n.drafts, "info", "/awards"});
  if (who.Can("award:propose") || who.Can("award:approve"))
    w.figures.push_back(
        {"award.approvals_waiting", "待审批奖补清单", double(n.proposed), "份", "/awards"});
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() { return {{"lists", "award:read", Items}}; }

}  // namespace ruralec::award
