// The programme's snapshot: the plan (document, period, phases, fund plan), its targets with
// the progress computed from data as of the draft's day, and its task table with each task's
// status (programme module: EvaluateStored).
#include <cstdio>

#include "core/date.h"
#include "disclosure/snapshot_internal.h"
#include "programme/evaluate.h"
#include "programme/report/quarterly_report.h"

namespace ruralec::disclosure::internal {
namespace {

const char* TargetStatusLabel(programme::TargetStatus s) {
  using programme::TargetStatus;
  switch (s) {
    case TargetStatus::kDone:
      return "已完成";
    case TargetStatus::kOnTrack:
      return "按进度推进";
    case TargetStatus::kBehind:
      return "进度滞后";
    case TargetStatus::kOverdue:
      return "逾期未完成";
    case TargetStatus::kNoDataSource:
      return "暂无数据";
    case TargetStatus::kNoTarget:
      return "无量化目标";
  }
  return "";
}

const char* TaskStatusLabel(const programme::TaskProgress& t) {
  if (t.overdue) return "逾期";
  if (t.status == "done") return "已完成";
  if (t.status == "in_progress") return "推进中";
  return "未开始";
}

std::string Shown(const std::optional<int64_t>& v, const programme::TargetProgress& t) {
  if (!v) return "—";
  auto shown = programme::report::DisplayValue(*v, t.base_unit, t.unit);
  return shown.text + shown.unit;
}

std::string OneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

std::string Date(const std::optional<CivilDate>& d) { return d ? d->ToString() : "—"; }

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

Section Overview(const programme::Programme& p) {
  Section s{"方案概况", {}, std::nullopt, {}};
  s.paragraphs.push_back("方案名称：" + p.name);
  if (!p.document_number.empty()) s.paragraphs.push_back("文号：" + p.document_number);
  if (!p.issuers.empty()) s.paragraphs.push_back("印发单位：" + Join(p.issuers, "、"));
  if (p.issued_on) s.paragraphs.push_back("印发日期：" + p.issued_on->ToString());
  s.paragraphs.push_back("实施期限：" + Date(p.period_start) + " 至 " + Date(p.period_end));
  if (!p.phases.empty()) {
    Table t{{"阶段", "起", "止", "内容"}, {}};
    for (const auto& ph : p.phases)
      t.rows.push_back({ph.name, Date(ph.start), Date(ph.end), ph.text});
    s.table = std::move(t);
  }
  return s;
}

Section Targets(const programme::Programme& p, const programme::ProgrammeProgress& pr) {
  Section s{"目标任务与完成进度", {}, Table{}, {}};
  s.table->columns = {"编号", "目标", "目标值", "截止日期", "完成值", "完成进度", "状态"};
  for (const auto& t : pr.targets) {
    std::string text;
    for (const auto& x : p.targets)
      if (x.id == t.target_id) text = x.text;
    const auto& r = t.region;
    s.table->rows.push_back({t.target_id, text, Shown(r.goal, t), t.due.ToString(),
                             Shown(r.actual, t), r.percent ? OneDecimal(*r.percent) : "—",
                             TargetStatusLabel(r.status)});
  }
  s.notes.push_back("完成值由系统按台账数据计算，截至 " + pr.today.ToString() + "。");
  return s;
}

Section Tasks(const programme::ProgrammeProgress& pr) {
  Section s{"任务分解与推进情况", {}, Table{}, {}};
  s.table->columns = {"序号", "任务", "牵头单位", "完成时限", "状态"};
  for (const auto& t : pr.tasks)
    s.table->rows.push_back({std::to_string(t.number), t.text, Join(t.lead_units, "、"),
                             Date(t.due), TaskStatusLabel(t)});
  return s;
}

Section FundPlan(const programme::Programme& p) {
  Section s{"资金安排", {}, Table{}, {}};
  s.table->columns = {"类别", "金额"};
  for (const auto& c : p.fund_plan.categories)
    s.table->rows.push_back({c.name, c.amount ? c.amount->text + c.amount->unit : "—"});
  return s;
}

}  // namespace

Result<Snapshot> Programme(const Context& c, int64_t programme_id) {
  if (!c.who.Can("programme:read"))
    return Error::Forbidden("没有查看实施方案的权限（programme:read）");
  ASSIGN_OR_RETURN(CivilDate today, CivilDate::Parse(c.today, "today"));
  auto conn = c.d.db.Acquire();
  auto ev = programme::EvaluateStored(*conn, c.d.indicators, programme_id, today,
                                      programme::DefaultDivisionDir());
  if (!ev.ok() && ev.error().code == ErrorCode::kNotFound)
    return Error::Invalid("source_id", "实施方案 " + std::to_string(programme_id) + " 不存在");
  if (!ev.ok()) return ev.error();
  if (ev->stored.region_code != c.county.str())
    return Error::Invalid("source_id", "该实施方案不是 " + c.county_name + " 的方案");
  const programme::Programme& p = *ev->programme;
  Snapshot out;
  out.subject = ev->stored.key;
  out.doc.title = p.name;
  out.doc.as_of = c.today;
  out.doc.summary = c.county_name + "公开" + p.name + "的方案概况、" +
                    std::to_string(p.targets.size()) + "项目标任务的完成进度和" +
                    std::to_string(p.tasks.size()) + "项任务的推进情况（截至 " + c.today + "）。";
  out.doc.sections.push_back(Overview(p));
  out.doc.sections.push_back(Targets(p, ev->progress));
  out.doc.sections.push_back(Tasks(ev->progress));
  if (!p.fund_plan.categories.empty()) out.doc.sections.push_back(FundPlan(p));
  return out;
}

}  // namespace ruralec::disclosure::internal
