#include "programme/progress.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace ruralec::programme {
namespace {

bool Holds(const std::string& cmp, int64_t goal, int64_t actual) {
  if (cmp == ">") return actual > goal;
  if (cmp == "<=") return actual <= goal;
  if (cmp == "<") return actual < goal;
  if (cmp == "=") return actual == goal;
  return actual >= goal;  // ">=" and anything unknown
}

bool IsUpperBound(const std::string& cmp) { return cmp == "<=" || cmp == "<"; }

// Start of the measured period: the programme period start, else the issue date, else 1 January
// of the due year.
CivilDate PeriodFrom(const Programme& p, const CivilDate& due) {
  if (p.period_start) return *p.period_start;
  if (p.issued_on) return *p.issued_on;
  return CivilDate(due.year(), 1, 1);
}

// One line before measuring: the region and its goal.
struct PlannedLine {
  const RegionRef* region;
  std::optional<Quantity> goal;
};

// Every line of a target: its own region first, then its quotas (kind quota, then each).
std::vector<PlannedLine> PlanLines(const Programme& p, const Target& t) {
  std::vector<PlannedLine> lines{{t.region ? &*t.region : &p.region, t.value}};
  for (const auto& q : t.quotas) lines.push_back({&q.region, q.value});
  if (t.quota_each) {
    for (const auto& r : t.quota_each->regions) lines.push_back({&r, t.quota_each->value});
  }
  return lines;
}

struct Judge {
  const Target& target;
  CivilDate from, due, today;

  RegionProgress Line(const PlannedLine& planned, const Measurement& m) const {
    const RegionRef& region = *planned.region;
    const std::optional<Quantity>& goal = planned.goal;
    RegionProgress out;
    out.region_code = region.resolved_code;
    out.region_name = region.resolved_name.empty() ? region.name : region.resolved_name;
    if (goal && goal->normalized) out.goal = goal->normalized;
    if (m.status == Measurement::Status::kNoDataSource || !m.value) {
      out.status = TargetStatus::kNoDataSource;
      out.reason = m.reason;
      return out;
    }
    out.actual = m.value;
    out.reported = m.reported;
    out.baseline = m.baseline;
    out.baseline_from = m.baseline_from;
    out.baseline_to = m.baseline_to;
    if (!out.goal) {
      out.status = TargetStatus::kNoTarget;
      out.reason = target.open.empty() ? "方案未给出目标值" : target.open;
      return out;
    }
    if (*out.goal != 0) out.percent = std::round(*out.actual * 1000.0 / *out.goal) / 10.0;
    out.status = JudgeStatus(target.comparator, *out.goal, *out.actual, today, due,
                             ElapsedShare(from, due, today));
    return out;
  }
};

// A target before measuring: its header filled in, its lines planned.
struct PlannedTarget {
  TargetProgress progress;
  std::vector<PlannedLine> lines;
};

// All lines of the target share the indicator, range and params: one batch.
Result<PlannedTarget> PlanTarget(const Programme& p, const Target& t, const CivilDate& today,
                                 IndicatorBatch& batch) {
  PlannedTarget out;
  TargetProgress& tp = out.progress;
  tp.target_id = t.id;
  tp.indicator = t.indicator;
  tp.comparator = t.comparator;
  tp.unit = t.value ? t.value->unit : (t.quotas.empty() ? "" : t.quotas[0].value.unit);
  if (const Indicator* ind = FindIndicator(t.indicator))
    tp.base_unit = BaseUnitName(ind->dimension);
  tp.deadline_is_period_end = !t.deadline;
  tp.due = t.deadline ? *t.deadline : p.period_end.value_or(today);
  tp.from = PeriodFrom(p, tp.due);
  out.lines = PlanLines(p, t);
  batch = {t.indicator, {}, tp.from, std::min(today, tp.due), t.params};
  for (const auto& line : out.lines) {
    ASSIGN_OR_RETURN(RegionCode code, RegionCode::Parse(line.region->resolved_code));
    batch.regions.push_back(code);
  }
  return out;
}

// Every target of the programme measured together: data providers answer all lines of all
// targets at once (IndicatorRegistry::ComputeAll), e.g. one read of the sales ledger.
Result<std::vector<TargetProgress>> MeasureTargets(storage::Connection& conn,
                                                   const IndicatorRegistry& registry,
                                                   const Programme& p, const CivilDate& today) {
  std::vector<PlannedTarget> planned;
  std::vector<IndicatorBatch> batches(p.targets.size());
  for (size_t i = 0; i < p.targets.size(); ++i) {
    ASSIGN_OR_RETURN(auto pt, PlanTarget(p, p.targets[i], today, batches[i]));
    planned.push_back(std::move(pt));
  }
  ASSIGN_OR_RETURN(std::vector<Measurements> measured, registry.ComputeAll(conn, batches));
  std::vector<TargetProgress> out;
  for (size_t i = 0; i < planned.size(); ++i) {
    TargetProgress& tp = planned[i].progress;
    const auto& lines = planned[i].lines;
    Judge judge{p.targets[i], tp.from, tp.due, today};
    tp.region = judge.Line(lines[0], measured[i][0]);
    for (size_t k = 1; k < lines.size(); ++k)
      tp.quotas.push_back(judge.Line(lines[k], measured[i][k]));
    out.push_back(std::move(tp));
  }
  return out;
}

TaskProgress TaskLine(const Programme& p, const Task& t, const std::map<int, TaskState>& states,
                      const CivilDate& today) {
  TaskProgress out;
  out.number = t.number;
  out.text = t.text;
  out.lead_units = t.lead_units;
  out.due = t.deadline ? t.deadline : p.period_end;
  if (auto it = states.find(t.number); it != states.end()) {
    out.status = it->second.status;
    out.notes = it->second.notes;
    out.last_note = it->second.last_note;
    out.towns_reported = it->second.towns_reported;
  }
  out.overdue = out.due && *out.due < today && out.status != "done";
  return out;
}

}  // namespace

const char* TargetStatusName(TargetStatus s) {
  switch (s) {
    case TargetStatus::kDone:
      return "done";
    case TargetStatus::kOnTrack:
      return "on_track";
    case TargetStatus::kBehind:
      return "behind";
    case TargetStatus::kOverdue:
      return "overdue";
    case TargetStatus::kNoDataSource:
      return "no_data_source";
    case TargetStatus::kNoTarget:
      return "no_target";
  }
  return "";
}

double ElapsedShare(const CivilDate& from, const CivilDate& due, const CivilDate& today) {
  int64_t span = due.DaysSinceEpoch() - from.DaysSinceEpoch();
  if (span <= 0) return today < from ? 0.0 : 1.0;
  double share = static_cast<double>(today.DaysSinceEpoch() - from.DaysSinceEpoch()) / span;
  return std::clamp(share, 0.0, 1.0);
}

TargetStatus JudgeStatus(const std::string& comparator, int64_t goal, int64_t actual,
                         const CivilDate& today, const CivilDate& due, double elapsed_share) {
  bool holds = Holds(comparator, goal, actual);
  if (IsUpperBound(comparator)) {
    // A ceiling is met only once the period is over; before that it is on track while it holds.
    if (today > due) return holds ? TargetStatus::kDone : TargetStatus::kOverdue;
    return holds ? TargetStatus::kOnTrack : TargetStatus::kBehind;
  }
  if (holds) return TargetStatus::kDone;
  if (today > due) return TargetStatus::kOverdue;
  return static_cast<double>(actual) >= static_cast<double>(goal) * elapsed_share
             ? TargetStatus::kOnTrack
             : TargetStatus::kBehind;
}

Result<ProgrammeProgress> ComputeProgress(storage::Connection& conn,
                                          const IndicatorRegistry& registry, const Programme& p,
                                          const std::map<int, TaskState>& task_states,
                                          const CivilDate& today) {
  ProgrammeProgress out;
  out.today = today;
  ASSIGN_OR_RETURN(out.targets, MeasureTargets(conn, registry, p, today));
  for (const auto& t : p.tasks) out.tasks.push_back(TaskLine(p, t, task_states, today));
  return out;
}

namespace {

bool IsLagging(TargetStatus s) { return s == TargetStatus::kBehind || s == TargetStatus::kOverdue; }

constexpr const char* kNoLeadUnit = "未指定牵头单位";

// A town's name as a lead unit writes it: 三八街道 → 三八, 大泽乡镇 → 大泽乡, 符离镇 → 符离.
std::string ShortTownName(const std::string& name) {
  for (const char* suffix : {"街道办事处", "街道", "镇", "乡"}) {
    std::string s(suffix);
    if (name.size() > s.size() + 3 && name.compare(name.size() - s.size(), s.size(), s) == 0)
      return name.substr(0, name.size() - s.size());
  }
  return name;
}

// The lines of a target a lead unit answers for. A unit that names towns ("三八、汴河街道办事处")
// answers for those towns' quota lines only, not for other towns' shortfalls nor the county
// total; any other unit ("各乡镇人民政府", "区商务局") for every line.
std::vector<const RegionProgress*> LinesOfUnit(const std::string& unit, const TargetProgress& tp) {
  std::vector<const RegionProgress*> named;
  for (const auto& q : tp.quotas)
    if (!q.region_name.empty() && unit.find(ShortTownName(q.region_name)) != std::string::npos)
      named.push_back(&q);
  if (!named.empty()) return named;
  std::vector<const RegionProgress*> all{&tp.region};
  for (const auto& q : tp.quotas) all.push_back(&q);
  return all;
}

}  // namespace

std::vector<LaggingGroup> Lagging(const Programme& p, const ProgrammeProgress& progress) {
  std::vector<LaggingGroup> groups;
  auto group = [&groups](const std::string& unit) -> LaggingGroup& {
    for (auto& g : groups) {
      if (g.lead_unit == unit) return g;
    }
    groups.push_back({unit, {}, {}});
    return groups.back();
  };
  std::map<std::string, std::vector<std::string>> leads_of_target;
  for (const auto& t : p.tasks) {
    for (const auto& id : t.targets) {
      for (const auto& u : t.lead_units) leads_of_target[id].push_back(u);
    }
  }
  for (const auto& tp : progress.targets) {
    std::vector<const RegionProgress*> lines{&tp.region};
    for (const auto& q : tp.quotas) lines.push_back(&q);
    auto leads = leads_of_target[tp.target_id];
    if (leads.empty()) leads.push_back(kNoLeadUnit);
    for (const auto& u : leads) {
      for (const auto* line : LinesOfUnit(u, tp)) {
        if (IsLagging(line->status))
          group(u).targets.push_back({tp.target_id, tp.indicator, *line});
      }
    }
  }
  for (const auto& task : progress.tasks) {
    if (!task.overdue) continue;
    if (task.lead_units.empty()) group(kNoLeadUnit).tasks.push_back(task);
    for (const auto& u : task.lead_units) group(u).tasks.push_back(task);
  }
  return groups;
}

LaggingCount CountLagging(const std::vector<LaggingGroup>& groups) {
  std::set<std::pair<std::string, std::string>> lines;  // target id, region code
  std::set<int> tasks;
  for (const auto& g : groups) {
    for (const auto& t : g.targets) lines.insert({t.target_id, t.line.region_code});
    for (const auto& t : g.tasks) tasks.insert(t.number);
  }
  return {static_cast<int64_t>(lines.size()), static_cast<int64_t>(tasks.size())};
}

}  // namespace ruralec::programme
