// The workflow: one command moves a project along the transition table, idempotently, with its
// deadlines, the fund's project status and the audit entry in one transaction (projects.h).
#include <algorithm>

#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "funds/ledger.h"
#include "projects/deadlines.h"
#include "projects/projects.h"
#include "projects/projects_store.h"
#include "projects/service_internal.h"

namespace ruralec::projects {
namespace {

using internal::CalendarNow;

std::string Fingerprint(const Command& c) {
  std::vector<int64_t> ev = c.evidence;
  std::sort(ev.begin(), ev.end());
  std::string out = std::string(StateName(c.to)) + "|" + (c.on ? c.on->ToString() : "") + "|" +
                    c.note + "|" + (c.grade ? GradeName(*c.grade) : "") + "|" +
                    (c.rectify_by ? c.rectify_by->ToString() : "") + "|";
  for (int64_t id : ev) out += std::to_string(id) + ",";
  return out;
}

Status CheckGrade(const TransitionRule& r, const Project& p, const Command& c) {
  if (r.grade) {
    if (!c.grade) return Error::Invalid("grade", "请填写评估结论（合格、基本合格或不合格）");
  } else if (c.grade) {
    return Error::Invalid("grade", "只有评估时填写评估结论");
  }
  if (r.from != State::kEvaluation) return {};
  Grade g = p.grade.value_or(Grade::kFail);
  if (r.to == State::kApproval && g == Grade::kFail)
    return Error::Conflict("评估不合格的项目须整改完成后才能报请审批", "to");
  if (r.to == State::kFailed && g != Grade::kFail)
    return Error::Conflict("评估合格或基本合格的项目不能不予补贴", "to");
  if (r.to == State::kRectification && g == Grade::kPass)
    return Error::Conflict("评估合格的项目无需整改", "to");
  return {};
}

Status CheckMaterials(storage::Connection& conn, const Project& p) {
  ASSIGN_OR_RETURN(auto materials, internal::Materials(conn, p));
  std::string missing;
  for (const auto& m : materials)
    if (m.files == 0) missing += (missing.empty() ? "" : "；") + m.material.label;
  if (!missing.empty()) return Error::Invalid("materials", "缺少申报材料：" + missing);
  return {};
}

Status CheckEvidence(storage::Connection& conn, const Project& p, const Command& c) {
  if (c.evidence.empty()) return {};
  if (c.evidence.size() > 20) return Error::Invalid("evidence", "佐证材料最多 20 个");
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {internal::kModule, internal::kKind, p.id}));
  for (int64_t id : c.evidence) {
    bool found = std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.id == id; });
    if (!found)
      return Error::Invalid("evidence", "文件 " + std::to_string(id) + " 不是本项目的材料");
  }
  return {};
}

// The command's fields against the rule and the project; fills c.on (default today).
Status CheckCommand(storage::Connection& conn, const TransitionRule& r, const Project& p,
                    Command& c, CivilDate today) {
  ASSIGN_OR_RETURN(c.note, validate::ValidateText(c.note, {"note", "说明", 2000, true}));
  if (r.note_required && c.note.empty())
    return Error::Invalid("note",
                          std::string(r.label) + "须填写说明（评审结论、验收意见、原因等）");
  RETURN_IF_ERROR(CheckGrade(r, p, c));
  if (r.rectify_by && !c.rectify_by) return Error::Invalid("rectify_by", "请填写整改期限");
  if (!r.rectify_by && c.rectify_by)
    return Error::Invalid("rectify_by", "只有限期整改时填写整改期限");
  CivilDate on = c.on.value_or(today);
  RETURN_IF_ERROR(validate::PlausibleDate(on, "on", today));
  if (on < p.status_on)
    return Error::Invalid("on", "日期不能早于上一步（" + p.status_on.ToString() + "）");
  if (c.rectify_by && *c.rectify_by <= on)
    return Error::Invalid("rectify_by", "整改期限应晚于评估日期");
  c.on = on;
  if (r.materials) RETURN_IF_ERROR(CheckMaterials(conn, p));
  return CheckEvidence(conn, p, c);
}

Deadline NewDeadline(const Project& p, const char* stage, CivilDate on, int days) {
  Deadline d;
  d.project_id = p.id;
  d.stage = stage;
  d.started_on = on;
  d.working_days = days;
  return d;
}

// The deadlines a move ends, pauses, resumes and opens. The review clock runs from receipt
// through 初审 and 评审, paused while the applicant corrects (补正).
Status MoveDeadlines(storage::Connection& conn, const CalendarNow& cal, const Project& p,
                     const Transition& t) {
  ASSIGN_OR_RETURN(auto all, store::Deadlines(conn, p.id));
  bool review_continues =
      t.to == State::kPreReview || t.to == State::kCorrection || t.to == State::kReview;
  for (auto& d : all) {
    if (d.closed_on) continue;
    auto pauses = ParsePauses(d.pauses);
    if (t.to == State::kCorrection) pauses.push_back({t.on, std::nullopt});
    if (t.from == State::kCorrection)
      for (auto& ps : pauses)
        if (!ps.to) ps.to = t.on;
    d.pauses = FormatPauses(pauses);
    internal::Compute(d, cal);
    if (!(review_continues && d.stage == "review")) d.closed_on = t.on;
    RETURN_IF_ERROR(store::UpdateDeadline(conn, d));
  }
  std::optional<Deadline> open;
  if (t.to == State::kSubmitted) open = NewDeadline(p, "review", t.on, 5);
  if (t.to == State::kAcceptanceRequested) open = NewDeadline(p, "acceptance", t.on, 5);
  if (t.to == State::kAcceptance) open = NewDeadline(p, "evaluation", t.on, 3);
  if (t.to == State::kRectification) {
    open = NewDeadline(p, "rectification", t.on, 0);
    open->fixed_due = t.rectify_by;
  }
  if (!open) return {};
  internal::Compute(*open, cal);
  ASSIGN_OR_RETURN(int64_t deadline_id, store::InsertDeadline(conn, *open));
  (void)deadline_id;
  return {};
}

// The evaluation's outcome is the fund's project status (funds.h).
Status FollowFund(storage::Connection& conn, const Project& p, const Transition& t) {
  if (!p.fund_id || (t.to != State::kApproval && t.to != State::kFailed)) return {};
  funds::Project fp{
      p.fund_project_key, p.name,
      t.to == State::kApproval ? funds::ProjectStatus::kAccepted : funds::ProjectStatus::kFailed,
      t.on};
  return funds::PutProject(conn, funds::FundId{*p.fund_id}, fp);
}

Result<Transition> Record(storage::Connection& conn, const Deps& d, const account::Principal& who,
                          Project& p, const Command& c, const std::string& fp) {
  ASSIGN_OR_RETURN(CalendarNow cal, internal::LoadCalendar(conn));
  ASSIGN_OR_RETURN(auto timeline, store::Timeline(conn, p.id));
  Transition t;
  t.project_id = p.id;
  t.seq = static_cast<int>(timeline.size()) + 1;
  t.from = p.status;
  t.to = c.to;
  t.on = *c.on;
  t.idempotency_key = c.idempotency_key;
  t.note = c.note;
  t.grade = c.grade;
  t.rectify_by = c.rectify_by;
  t.evidence = c.evidence;
  t.calendar_version = cal.version;
  if (who.id.valid()) t.actor_id = who.id.value;
  t.actor_name = who.display_name.empty() ? who.username : who.display_name;
  t.created_at = d.clock.NowMs();
  RETURN_IF_ERROR(MoveDeadlines(conn, cal, p, t));
  ASSIGN_OR_RETURN(t.id, store::InsertTransition(conn, t, fp));
  p.status = t.to;
  p.status_on = t.on;
  if (t.grade) p.grade = t.grade;
  if (t.to == State::kPreReview && !p.reviewer_id) p.reviewer_id = t.actor_id;
  RETURN_IF_ERROR(store::SetStatus(conn, p, t.created_at));
  RETURN_IF_ERROR(FollowFund(conn, p, t));
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, "projects.transition", "project", p.id,
                             std::string(StateName(t.from)) + "->" + StateName(t.to) +
                                 " on=" + t.on.ToString() + " key=" + t.idempotency_key +
                                 (t.grade ? std::string(" grade=") + GradeName(*t.grade) : "") +
                                 " calendar=" + t.calendar_version)));
  return t;
}

Result<Transition> ApplyIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           Project& p, Command c) {
  ASSIGN_OR_RETURN(c.idempotency_key,
                   validate::ValidateText(c.idempotency_key, {"idempotency_key", "幂等键", 100}));
  std::string fp = Fingerprint(c), stored;
  ASSIGN_OR_RETURN(auto prior, store::FindByKey(conn, p.id, c.idempotency_key, &stored));
  if (prior) {
    if (stored != fp)
      return Error::Conflict("幂等键 " + c.idempotency_key + " 已用于该项目的另一次操作",
                             "idempotency_key");
    prior->repeated = true;
    return *prior;
  }
  const TransitionRule* r = FindRule(p.status, c.to);
  if (!r)
    return Error::Conflict(
        std::string("项目状态为“") + StateLabel(p.status) + "”，不能转为“" + StateLabel(c.to) + "”",
        "to");
  if (!who.Can(r->permission)) return Error::Forbidden(std::string("没有“") + r->label + "”的权限");
  RETURN_IF_ERROR(CheckCommand(conn, *r, p, c, ShanghaiDate(d.clock.NowMs())));
  return Record(conn, d, who, p, c, fp);
}

}  // namespace

Result<std::pair<Transition, Detail>> Apply(const Deps& d, const account::Principal& who,
                                            int64_t id, const Command& c) {
  auto conn = d.db.Acquire();
  using Out = std::pair<Transition, Detail>;
  return storage::InTransaction<Out>(*conn, storage::TxMode::kWrite, [&]() -> Result<Out> {
    ASSIGN_OR_RETURN(Project p, internal::Visible(*conn, who, id));
    if (!who.InScope(p.region)) return Error::Forbidden("该项目不在您的管辖范围内");
    ASSIGN_OR_RETURN(Transition t, ApplyIn(*conn, d, who, p, c));
    ASSIGN_OR_RETURN(Project now, internal::Visible(*conn, who, id));
    ASSIGN_OR_RETURN(Detail detail,
                     internal::DetailOf(*conn, who, now, ShanghaiDate(d.clock.NowMs())));
    return Out{t, detail};
  });
}

}  // namespace ruralec::projects
