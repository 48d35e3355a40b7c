// Progress of a checked programme (docs/PROGRESS.md): per target the actual value from the
// indicator registry, percent and status, for the target region and each child region with a
// quota; per task a status from the manual notes and an overdue flag; the lagging list for
// supervision (督查) grouped by lead unit. "Today" is always passed in (the caller takes it from
// the injected Clock via ShanghaiDate), so results are reproducible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "programme/indicators.h"
#include "programme/programme.h"
#include "storage/db.h"

namespace ruralec::programme {

// done | on_track | behind | overdue | no_data_source | no_target (the plan gives no number).
enum class TargetStatus { kDone, kOnTrack, kBehind, kOverdue, kNoDataSource, kNoTarget };
const char* TargetStatusName(TargetStatus s);

// One measured line: the target for its region, or one region's quota of it.
struct RegionProgress {
  std::string region_code;  // 12 digits
  std::string region_name;
  std::optional<int64_t> goal;    // base units; absent for an open target
  std::optional<int64_t> actual;  // base units; absent without a data source
  std::optional<double> percent;  // actual / goal × 100, one decimal
  TargetStatus status = TargetStatus::kNoDataSource;
  std::string reason;  // why there is no number, when there is none
  // Set when the actual is a confirmed manual report (填报), not a computation.
  std::optional<runtime::ReportedBy> reported;
  // An increase or growth target: the year-earlier figure `actual` is measured from, and when.
  std::optional<int64_t> baseline;
  std::optional<CivilDate> baseline_from, baseline_to;
};

struct TargetProgress {
  std::string target_id;
  std::string indicator;
  std::string comparator;
  std::string unit;       // as written in the plan
  std::string base_unit;  // of goal / actual
  CivilDate from, due;    // measured period: programme start … deadline (or period end)
  bool deadline_is_period_end = false;
  RegionProgress region;               // the target's own region
  std::vector<RegionProgress> quotas;  // child regions with a quota (kind quota or each)
};

// not_started (no note yet) | in_progress | done (the latest note that sets a status says done).
struct TaskProgress {
  int number = 0;
  std::string text;
  std::vector<std::string> lead_units;
  std::optional<CivilDate> due;  // deadline, or the period end when the task has none
  std::string status = "not_started";
  bool overdue = false;  // due < today and not done
  int notes = 0;
  std::string last_note;
  int towns_reported = 0;  // distinct towns with a note of their own (town_tasks.h)
};

struct ProgrammeProgress {
  CivilDate today;
  std::vector<TargetProgress> targets;
  std::vector<TaskProgress> tasks;
};

// The status rule for one line (docs/PROGRESS.md). `elapsed_share` is the share of the measured
// period already passed on `today`, in [0, 1].
TargetStatus JudgeStatus(const std::string& comparator, int64_t goal, int64_t actual,
                         const CivilDate& today, const CivilDate& due, double elapsed_share);
double ElapsedShare(const CivilDate& from, const CivilDate& due, const CivilDate& today);

struct TaskState {
  std::string status = "not_started";
  int notes = 0;
  std::string last_note;
  int towns_reported = 0;
};

// `task_states[number]` from the notes store (missing: not started). `p` must be checked.
Result<ProgrammeProgress> ComputeProgress(storage::Connection& conn,
                                          const IndicatorRegistry& registry, const Programme& p,
                                          const std::map<int, TaskState>& task_states,
                                          const CivilDate& today);

struct LaggingTarget {
  std::string target_id;
  std::string indicator;
  RegionProgress line;
};

struct LaggingGroup {
  std::string lead_unit;  // "未指定牵头单位" when no task links the target
  std::vector<LaggingTarget> targets;
  std::vector<TaskProgress> tasks;
};

// Targets (and quota lines) behind or overdue, and overdue tasks, grouped by lead unit in the
// order units first appear in the task table. A target is listed under the lead units of the
// tasks that link it; a unit that names towns (三八、汴河街道办事处) gets only those towns' quota
// lines. So one line can appear in several groups.
std::vector<LaggingGroup> Lagging(const Programme& p, const ProgrammeProgress& progress);

// Distinct lagging target lines (target × region) and overdue tasks across the groups: what the
// 督查滞后 badge counts (not the sum over groups, which counts a line once per lead unit).
struct LaggingCount {
  int64_t target_lines = 0, tasks = 0;
};
LaggingCount CountLagging(const std::vector<LaggingGroup>& groups);

}  // namespace ruralec::programme
