#include "programme/work_items.h"

#include <set>

#include "account/account.h"
#include "core/date.h"
#include "programme/evaluate.h"
#include "programme/store.h"
#include "programme/town_tasks.h"
#include "runtime/context.h"

namespace ruralec::programme {
namespace {

using runtime::KeyFigure;
using runtime::WorkItems;
using runtime::WorkTodo;

// What the programmes visible to the caller add up to, and which programmes each count comes
// from (a count from one programme links to that programme's tab, else to the list).
struct Tally {
  int64_t behind = 0, overdue = 0;  // distinct lagging target lines, overdue tasks
  int64_t town_unreported = 0;      // town-led tasks of the caller's town without its note
  int64_t town_behind = 0;          // quota lines of the caller's town behind or overdue
  std::set<int64_t> from_behind, from_overdue, from_unreported, from_town_behind;
};

bool IsBehind(TargetStatus s) { return s == TargetStatus::kBehind || s == TargetStatus::kOverdue; }

// The caller's town's share of one evaluated programme.
void TallyTown(const Evaluated& ev, const RegionCode& town, const RegionDirectory& dir, Tally& t) {
  const int64_t id = ev.stored.id;
  for (const auto& task : ev.programme->tasks) {
    bool leads = false;
    for (const auto& r : LeadingTowns(task.lead_units, dir)) leads = leads || r.code == town;
    if (!leads) continue;
    bool reported = false;
    for (const auto& n : ev.notes)
      reported = reported || (n.task_number == task.number && n.region_code == town.str());
    if (reported) continue;
    ++t.town_unreported;
    t.from_unreported.insert(id);
  }
  for (const auto& tp : ev.progress.targets)
    for (const auto& q : tp.quotas)
      if (q.region_code == town.str() && IsBehind(q.status)) {
        ++t.town_behind;
        t.from_town_behind.insert(id);
      }
}

Result<Tally> Count(runtime::Context& ctx, const account::Principal& who) {
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(auto rows, ListProgrammes(*conn, ""));
  const CivilDate today = ShanghaiDate(ctx.clock().NowMs());
  auto town = TownOf(who.region);
  Tally t;
  for (const auto& r : rows) {
    if (!who.CanSee(r.region_code)) continue;
    ASSIGN_OR_RETURN(Evaluated ev,
                     EvaluateStored(*conn, ctx.indicators(), r.id, today, DefaultDivisionDir()));
    LaggingCount c = CountLagging(Lagging(*ev.programme, ev.progress));
    t.behind += c.target_lines;
    t.overdue += c.tasks;
    if (c.target_lines > 0) t.from_behind.insert(r.id);
    if (c.tasks > 0) t.from_overdue.insert(r.id);
    if (!town) continue;
    ASSIGN_OR_RETURN(RegionCode root, RegionCode::Parse(r.region_code));
    ASSIGN_OR_RETURN(const RegionDirectory* dir, CachedDirectory(DefaultDivisionDir(), root));
    TallyTown(ev, *town, *dir, t);
  }
  return t;
}

std::string Link(const std::set<int64_t>& from, const std::string& tab) {
  if (from.size() != 1) return "/programmes";
  return "/programmes/" + std::to_string(*from.begin()) + "?tab=" + tab;
}

Result<WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  ASSIGN_OR_RETURN(Tally t, Count(ctx, who));
  WorkItems w;
  const bool county = !TownOf(who.region).has_value();
  if (county) {
    w.figures.push_back(KeyFigure{"programme.targets_behind", "滞后目标", double(t.behind), "项",
                                  Link(t.from_behind, "lagging")});
    w.figures.push_back(KeyFigure{"programme.tasks_overdue", "逾期任务", double(t.overdue), "项",
                                  Link(t.from_overdue, "tasks")});
  }
  if (county && who.Can("programme:edit") && t.overdue > 0)
    w.todos.push_back({"programme.overdue_to_chase", "逾期任务待督办", t.overdue, "danger",
                       Link(t.from_overdue, "lagging")});
  if (!county && who.Can("programme:task:report") && t.town_unreported > 0)
    w.todos.push_back({"programme.town_unreported", "本乡镇待填报的任务进展", t.town_unreported,
                       "warning", Link(t.from_unreported, "tasks")});
  if (!county && t.town_behind > 0)
    w.todos.push_back({"programme.town_behind", "本乡镇滞后的目标配额", t.town_behind, "danger",
                       Link(t.from_town_behind, "matrix")});
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() {
  return {{"progress", "programme:read", Items}};
}

}  // namespace ruralec::programme
