#include "reporting/work_items.h"

#include "account/account.h"
#include "runtime/context.h"

namespace ruralec::reporting {
namespace {

using runtime::WorkItems;

// The latest version of each key in the caller's scope that waits on someone: pending (to
// confirm, when someone else reported it) or rejected (to correct, when the caller reported it).
Result<WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(
      auto rows,
      conn->Query("SELECT r.region_code, r.status, COALESCE(r.reported_by, 0) FROM "
                  "indicator_reports r WHERE r.status IN ('pending', 'rejected') AND NOT EXISTS "
                  "(SELECT 1 FROM indicator_reports n WHERE n.indicator = r.indicator AND "
                  "n.params = r.params AND n.region_code = r.region_code AND n.period = r.period "
                  "AND n.version > r.version)",
                  {}));
  int64_t to_confirm = 0, rejected = 0;
  for (const auto& r : rows) {
    auto region = RegionCode::Parse(r.Text(0));
    if (!region.ok() || !who.InScope(*region)) continue;
    const bool mine = r.Int(2) == who.id.value;
    if (r.Text(1) == "pending" && !mine) ++to_confirm;
    if (r.Text(1) == "rejected" && mine) ++rejected;
  }
  WorkItems w;
  if (who.Can("report:confirm") && to_confirm > 0)
    w.todos.push_back({"reporting.to_confirm", "待确认的指标填报", to_confirm, "warning",
                       "/reports?status=pending"});
  if (who.Can("report:submit") && rejected > 0)
    w.todos.push_back({"reporting.rejected", "被退回待修改的指标填报", rejected, "danger",
                       "/reports?status=rejected"});
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() { return {{"reports", "report:read", Items}}; }

}  // namespace ruralec::reporting
