#include "programme/progress.h"

#include <algorithm>
#include <cmath>
#include <map>

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

struct Measurer {
  storage::Connection& conn;
  const IndicatorRegistry& registry;
  const Target& target;
  CivilDate from, due, today;

  Result<RegionProgress> Line(const RegionRef& region, const std::optional<Quantity>& goal) {
    RegionProgress out;
    out.region_code = region.resolved_code;
    out.region_name = region.resolved_name.empty() ? region.name : region.resolved_name;
    if (goal && goal->normalized) out.goal = goal->normalized;
    ASSIGN_OR_RETURN(RegionCode code, RegionCode::Parse(region.resolved_code));
    IndicatorQuery q{target.indicator, code, from, std::min(today, due), target.params};
    ASSIGN_OR_RETURN(Measurement m, registry.Compute(conn, q));
    if (m.status == Measurement::Status::kNoDataSource || !m.value) {
      out.status = TargetStatus::kNoDataSource;
      out.reason = m.reason;
      return out;
    }
    out.actual = m.value;
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

Result<TargetProgress> MeasureTarget(storage::Connection& conn, const IndicatorRegistry& registry,
                                     const Programme& p, const Target& t, const CivilDate& today) {
  TargetProgress tp;
  tp.target_id = t.id;
  tp.indicator = t.indicator;
  tp.comparator = t.comparator;
  tp.unit = t.value ? t.value->unit : (t.quotas.empty() ? "" : t.quotas[0].value.unit);
  if (const Indicator* ind = FindIndicator(t.indicator))
    tp.base_unit = BaseUnitName(ind->dimension);
  tp.deadline_is_period_end = !t.deadline;
  tp.due = t.deadline ? *t.deadline : p.period_end.value_or(today);
  tp.from = PeriodFrom(p, tp.due);
  Measurer m{conn, registry, t, tp.from, tp.due, today};
  ASSIGN_OR_RETURN(tp.region, m.Line(t.region ? *t.region : p.region, t.value));
  for (const auto& q : t.quotas) {
    ASSIGN_OR_RETURN(auto line, m.Line(q.region, q.value));
    tp.quotas.push_back(std::move(line));
  }
  if (t.quota_each) {
    for (const auto& r : t.quota_each->regions) {
      ASSIGN_OR_RETURN(auto line, m.Line(r, t.quota_each->value));
      tp.quotas.push_back(std::move(line));
    }
  }
  return tp;
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
  for (const auto& t : p.targets) {
    ASSIGN_OR_RETURN(auto tp, MeasureTarget(conn, registry, p, t, today));
    out.targets.push_back(std::move(tp));
  }
  for (const auto& t : p.tasks) out.tasks.push_back(TaskLine(p, t, task_states, today));
  return out;
}

namespace {

bool IsLagging(TargetStatus s) { return s == TargetStatus::kBehind || s == TargetStatus::kOverdue; }

constexpr const char* kNoLeadUnit = "未指定牵头单位";

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
    for (const auto* line : lines) {
      if (!IsLagging(line->status)) continue;
      for (const auto& u : leads) group(u).targets.push_back({tp.target_id, tp.indicator, *line});
    }
  }
  for (const auto& task : progress.tasks) {
    if (!task.overdue) continue;
    if (task.lead_units.empty()) group(kNoLeadUnit).tasks.push_back(task);
    for (const auto& u : task.lead_units) group(u).tasks.push_back(task);
  }
  return groups;
}

}  // namespace ruralec::programme
