// Creating, reading and listing projects; the files' access rule (projects.h contract).
#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "funds/ledger.h"
#include "projects/deadlines.h"
#include "projects/materials.h"
#include "projects/projects.h"
#include "projects/projects_store.h"
#include "projects/service_internal.h"
#include "region/region.h"

namespace ruralec::projects {
namespace internal {

Status NeedRead(const account::Principal& who) {
  if (!who.Can("projects:read")) return Error::Forbidden("没有查看项目的权限");
  return {};
}

Result<Project> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  ASSIGN_OR_RETURN(auto p, store::Get(conn, id));
  if (!p || !who.InScope(p->region)) return Error::NotFound("项目不存在或不在您的管辖范围内");
  return *p;
}

Result<CalendarNow> LoadCalendar(storage::Connection& conn) {
  ASSIGN_OR_RETURN(calendar::Calendar cal, calendar::Load(conn));
  ASSIGN_OR_RETURN(auto years, calendar::ListYears(conn));
  return CalendarNow{std::move(cal), CalendarVersion(years)};
}

void Compute(Deadline& d, const CalendarNow& c) {
  if (d.fixed_due) {
    d.due_on = d.fixed_due;
    d.provisional = false;
    d.paused = false;
  } else {
    Due due = DueAfter(c.cal, d.started_on, d.working_days, ParsePauses(d.pauses));
    d.due_on = due.date;
    d.provisional = due.provisional;
    d.paused = due.paused;
  }
  d.calendar_version = c.version;
}

Result<std::vector<MaterialStatus>> Materials(storage::Connection& conn, const Project& p) {
  std::vector<MaterialStatus> out;
  ASSIGN_OR_RETURN(MaterialSet set, MaterialsInForce(conn, p));
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {kModule, kKind, p.id}));
  for (const auto& m : set.materials) {
    MaterialStatus s{m, 0};
    for (const auto& f : files)
      if (f.slot == m.code) ++s.files;
    out.push_back(s);
  }
  return out;
}

Result<Detail> DetailOf(storage::Connection& conn, const account::Principal& who, Project p,
                        CivilDate today) {
  Detail out;
  ASSIGN_OR_RETURN(out.materials, Materials(conn, p));
  ASSIGN_OR_RETURN(out.timeline, store::Timeline(conn, p.id));
  ASSIGN_OR_RETURN(out.deadlines, store::Deadlines(conn, p.id));
  ASSIGN_OR_RETURN(CalendarNow c, LoadCalendar(conn));
  std::optional<CivilDate> soon = DueAfter(c.cal, today, kReminderWorkingDays, {}).date;
  for (auto& d : out.deadlines) {
    if (d.closed_on) continue;  // a closed stage keeps the date it had
    Compute(d, c);
    d.overdue = d.due_on && *d.due_on < today;
    d.due_soon = d.due_on && !d.overdue && soon && *d.due_on <= *soon;
  }
  out.calendar_version = c.version;
  for (const auto& r : Transitions())
    if (r.from == p.status && who.Can(r.permission) && who.InScope(p.region))
      out.next.push_back(r.to);
  std::vector<int64_t> ids;
  if (p.reviewer_id) ids.push_back(*p.reviewer_id);
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  if (p.reviewer_id && labels.contains(*p.reviewer_id))
    p.reviewer_name = labels[*p.reviewer_id].display_name;
  auto reg = region::Get(conn, p.region);
  p.region_name = reg.ok() ? reg->name : "";
  out.project = std::move(p);
  return out;
}

}  // namespace internal

namespace {

using internal::NeedRead;

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

Status CleanInput(ProjectInput& in) {
  if (!FindType(in.type)) return Error::Invalid("type", "未知的项目类型: " + in.type);
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "项目名称", 100, false));
  ASSIGN_OR_RETURN(in.applicant, Text(in.applicant, "applicant", "申报单位", 100, false));
  ASSIGN_OR_RETURN(in.note, Text(in.note, "note", "备注", 500, true));
  ASSIGN_OR_RETURN(in.fund_project_key,
                   Text(in.fund_project_key, "fund_project_key", "资金项目编号", 40, true));
  if (in.subsidy_fen && (*in.subsidy_fen < 0 || *in.subsidy_fen > 100'000'000'000))
    return Error::Invalid("subsidy_fen", "拟补贴金额应在 0 到 10 亿元之间");
  if (in.region.empty()) return Error::Invalid("region_code", "请填写项目所在区划");
  if (in.region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", "项目区划应为县级或以下");
  return {};
}

// The earlier phase: same county and type, visible; the new one is its phase + 1.
Result<int> PhaseOf(storage::Connection& conn, const account::Principal& who,
                    const ProjectInput& in) {
  if (!in.parent_id) return 1;
  auto parent = internal::Visible(conn, who, *in.parent_id);
  if (!parent.ok() || parent->county_code != in.region.county().str())
    return Error::Invalid("parent_id", "前一阶段的项目不存在或不在您的管辖范围内");
  if (parent->type != in.type) return Error::Invalid("parent_id", "分阶段申报的项目类型须一致");
  return parent->phase + 1;
}

Status CheckFund(storage::Connection& conn, const ProjectInput& in) {
  if (!in.fund_id) return {};
  auto f = funds::GetFund(conn, funds::FundId{*in.fund_id}, in.region.county().str());
  if (!f.ok()) return Error::Invalid("fund_id", "资金不存在或不属于本县");
  return {};
}

Result<int64_t> Insert(storage::Connection& conn, const Deps& d, const account::Principal& who,
                       const ProjectInput& in) {
  Project p;
  p.county_code = in.region.county().str();
  p.region = in.region;
  p.type = in.type;
  p.name = in.name;
  p.applicant = in.applicant;
  p.note = in.note;
  ASSIGN_OR_RETURN(p.phase, PhaseOf(conn, who, in));
  p.parent_id = in.parent_id;
  p.fund_id = in.fund_id;
  p.subsidy_fen = in.subsidy_fen;
  p.status_on = ShanghaiDate(d.clock.NowMs());
  RETURN_IF_ERROR(CheckFund(conn, in));
  std::optional<int64_t> by;
  if (who.id.valid()) by = who.id.value;
  ASSIGN_OR_RETURN(p.id, store::Insert(conn, p, by, d.clock.NowMs()));
  p.fund_project_key =
      in.fund_project_key.empty() ? "XM-" + std::to_string(p.id) : in.fund_project_key;
  if (p.fund_id) {
    RETURN_IF_ERROR(store::SetFundKey(conn, p.id, p.fund_project_key));
    RETURN_IF_ERROR(funds::PutProject(conn, funds::FundId{*p.fund_id},
                                      {p.fund_project_key, p.name, funds::ProjectStatus::kOpen}));
  }
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, "projects.create", "project", p.id,
                             "type=" + p.type + " region=" + p.region.str() + " name=" + p.name +
                                 " phase=" + std::to_string(p.phase))));
  return p.id;
}

}  // namespace

Result<Detail> Create(const Deps& d, const account::Principal& who, const ProjectInput& input) {
  if (!who.Can("projects:edit")) return Error::Forbidden("没有登记项目申报的权限");
  ProjectInput in = input;
  RETURN_IF_ERROR(CleanInput(in));
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Detail>(*conn, storage::TxMode::kWrite, [&]() -> Result<Detail> {
    ASSIGN_OR_RETURN(int64_t id, Insert(*conn, d, who, in));
    ASSIGN_OR_RETURN(Project p, internal::Visible(*conn, who, id));
    return internal::DetailOf(*conn, who, p, ShanghaiDate(d.clock.NowMs()));
  });
}

Result<Detail> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Project p, internal::Visible(*conn, who, id));
  return internal::DetailOf(*conn, who, p, ShanghaiDate(d.clock.NowMs()));
}

Result<Page<Project>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Project> p, store::List(*conn, f, page));
  std::vector<std::string> codes;
  for (const auto& x : p.items) codes.push_back(x.region.str());
  auto names = region::NamesOf(*conn, codes);
  if (names.ok())
    for (auto& x : p.items)
      if (names->contains(x.region.str())) x.region_name = names->at(x.region.str());
  return p;
}

Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write) {
  ASSIGN_OR_RETURN(Project p, internal::Visible(conn, who, id));
  if (write && !who.Can("projects:edit") && !who.Can("projects:review"))
    return Error::Forbidden("没有上传项目材料的权限");
  if (write && (p.status == State::kArchived))
    return Error::Conflict("项目已归档，不能再上传材料", "file");
  return p.county_code;
}

}  // namespace ruralec::projects
