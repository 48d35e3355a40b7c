// Tasks that towns report for themselves (issue 26 item 9, docs/PROGRESS.md "Town reports"): a
// task whose lead units name every town (各乡镇人民政府) or name towns (三八、汴河街道办事处) is
// reported by each leading town's staff for their own town; county staff see one line per town.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "programme/progress_store.h"
#include "programme/regions.h"

namespace ruralec::programme {

// The towns under the directory's root that lead a task with `lead_units`, in code order:
//  - a unit beginning with a collective word takes every town of its classes (各乡镇人民政府 →
//    each 乡 and 镇; 各乡镇（街道） also the 街道; 各街道办事处 the 街道);
//  - a town government or street office (…人民政府, …办事处, not a 区/县/市 department) takes the
//    towns whose name stem it contains (三八、汴河街道办事处 → 三八街道, 汴河街道).
// Empty when no town leads (区商务局 only): county staff report such a task.
std::vector<ResolvedRegion> LeadingTowns(const std::vector<std::string>& lead_units,
                                         const RegionDirectory& dir);

// The town `region` lies in: itself for a town, a village's town; nullopt above town level.
std::optional<RegionCode> TownOf(const RegionCode& region);

// One leading town's line of a task: how many notes it reported, its latest status and note.
struct TownLine {
  RegionCode region;
  std::string region_name;
  int notes = 0;
  std::string status = "not_started";  // not_started | in_progress | done, as TaskStates
  std::optional<TaskNote> latest;
};

// The lines of `towns` for task `task` from a programme's notes (oldest first, as ListTaskNotes).
std::vector<TownLine> TownLines(const std::vector<ResolvedRegion>& towns,
                                const std::vector<TaskNote>& notes, int task);

}  // namespace ruralec::programme
