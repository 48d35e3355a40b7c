// The issue list (findings.h): recording findings, listing them in scope, and moving them
// through rectification as idempotent, audited commands.
#include "projects/findings.h"

#include <algorithm>

#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "projects/findings_store.h"
#include "projects/service_internal.h"
#include "region/region.h"

namespace ruralec::projects {

const char* FindingStatusName(FindingStatus s) {
  switch (s) {
    case FindingStatus::kOpen:
      return "open";
    case FindingStatus::kSubmitted:
      return "submitted";
    case FindingStatus::kClosed:
      return "closed";
  }
  return "open";
}

const char* FindingStatusLabel(FindingStatus s) {
  switch (s) {
    case FindingStatus::kOpen:
      return "待整改";
    case FindingStatus::kSubmitted:
      return "整改待核实";
    case FindingStatus::kClosed:
      return "已销号";
  }
  return "待整改";
}

Result<FindingStatus> ParseFindingStatus(std::string_view s) {
  for (auto st : {FindingStatus::kOpen, FindingStatus::kSubmitted, FindingStatus::kClosed})
    if (s == FindingStatusName(st) || s == FindingStatusLabel(st)) return st;
  return Error::Invalid("status", "未知的整改状态: " + std::string(s));
}

const std::vector<FindingSource>& FindingSources() {
  static const std::vector<FindingSource> kSources = {
      {"inspection", "督查检查"}, {"audit", "审计"},           {"evaluation", "绩效评价"},
      {"acceptance", "项目验收"}, {"supervision", "群众监督"}, {"other", "其他"}};
  return kSources;
}

const std::vector<FindingMoveRule>& FindingMoves() {
  using S = FindingStatus;
  static const std::vector<FindingMoveRule> kMoves = {
      {S::kOpen, S::kSubmitted, true, true, "提交整改情况"},
      {S::kSubmitted, S::kClosed, false, false, "核实销号"},
      {S::kSubmitted, S::kOpen, false, true, "核实未通过，退回整改"},
      {S::kOpen, S::kClosed, false, true, "直接销号"},
      {S::kOpen, S::kOpen, false, true, "延期"},
  };
  return kMoves;
}

const FindingMoveRule* FindFindingMove(FindingStatus from, FindingStatus to) {
  for (const auto& r : FindingMoves())
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

Status CheckFindingMove(const Finding& f, const account::Principal& who, const FindingCommand& c,
                        CivilDate last_move_on, CivilDate today) {
  const FindingMoveRule* r = FindFindingMove(f.status, c.to);
  if (!r)
    return Error::Conflict(std::string("问题状态为“") + FindingStatusLabel(f.status) +
                               "”，不能转为“" + FindingStatusLabel(c.to) + "”",
                           "to");
  if (!who.Can("projects:review") && !(r->edit_allowed && who.Can("projects:edit")))
    return Error::Forbidden(std::string("没有“") + r->label + "”的权限");
  if (r->note_required && c.note.empty())
    return Error::Invalid("note",
                          c.to == FindingStatus::kSubmitted ? "请填写整改情况" : "请填写理由");
  CivilDate on = c.on.value_or(today);
  RETURN_IF_ERROR(validate::PlausibleDate(on, "on", today));
  if (on < last_move_on)
    return Error::Invalid("on", "日期不能早于上一步（" + last_move_on.ToString() + "）");
  bool extension = f.status == c.to;
  if (!extension && c.due_on) return Error::Invalid("due_on", "只有延期可以修改整改期限");
  if (extension) {
    if (!c.due_on) return Error::Invalid("due_on", "请填写延期后的整改期限");
    if (*c.due_on <= f.due_on)
      return Error::Invalid("due_on", "延期后的期限应晚于原期限（" + f.due_on.ToString() + "）");
    if (*c.due_on < on) return Error::Invalid("due_on", "延期后的期限不能早于办理日期");
  }
  return {};
}

namespace {

using internal::NeedRead;

// The finding when the caller may read it (projects:read, region visible), else kNotFound.
Result<Finding> Visible(storage::Connection& conn, const account::Principal& who, int64_t id,
                        CivilDate today) {
  RETURN_IF_ERROR(NeedRead(who));
  ASSIGN_OR_RETURN(auto f, store::GetFinding(conn, id));
  if (!f || !who.InScope(f->region)) return Error::NotFound("问题不存在或不在您的管辖范围内");
  f->overdue = f->status != FindingStatus::kClosed && f->due_on < today;
  return *f;
}

Result<FindingDetail> DetailOf(storage::Connection& conn, const account::Principal& who,
                               Finding f) {
  FindingDetail out;
  ASSIGN_OR_RETURN(out.moves, store::FindingMoves(conn, f.id));
  for (const auto& r : FindingMoves())
    if (r.from == f.status && who.InScope(f.region) &&
        (who.Can("projects:review") || (r.edit_allowed && who.Can("projects:edit"))))
      out.next.push_back(r.to);
  auto reg = region::Get(conn, f.region);
  f.region_name = reg.ok() ? reg->name : "";
  out.finding = std::move(f);
  return out;
}

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

// Validates the input and fills the finding's region (the project's when one is named).
Result<Finding> FindingOf(storage::Connection& conn, const account::Principal& who,
                          const FindingInput& in, CivilDate today) {
  Finding f;
  f.region = in.region;
  if (in.project_id) {
    auto p = internal::Visible(conn, who, *in.project_id);
    if (!p.ok()) return Error::Invalid("project_id", "项目不存在或不在您的管辖范围内");
    f.region = p->region;
    f.project_id = p->id;
  }
  if (f.region.empty()) return Error::Invalid("region_code", "请填写问题所属区划或项目");
  if (f.region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", "问题所属区划应为县级或以下");
  bool known = false;
  for (const auto& s : FindingSources()) known = known || in.source == s.code;
  if (!known) return Error::Invalid("source", "请选择问题来源");
  f.source = in.source;
  ASSIGN_OR_RETURN(f.title, Text(in.title, "title", "问题概述", 100, false));
  ASSIGN_OR_RETURN(f.detail, Text(in.detail, "detail", "问题描述", 2000, true));
  ASSIGN_OR_RETURN(f.requirement, Text(in.requirement, "requirement", "整改要求", 1000, true));
  ASSIGN_OR_RETURN(f.owner_unit, Text(in.owner_unit, "owner_unit", "整改责任单位", 100, false));
  f.found_on = in.found_on.value_or(today);
  RETURN_IF_ERROR(validate::PlausibleDate(f.found_on, "found_on", today));
  if (!in.due_on) return Error::Invalid("due_on", "请填写整改期限");
  if (*in.due_on < f.found_on) return Error::Invalid("due_on", "整改期限不能早于发现日期");
  f.due_on = *in.due_on;
  f.county_code = f.region.county().str();
  f.status_on = f.found_on;
  return f;
}

std::string Fingerprint(const FindingCommand& c) {
  std::string ev;
  for (int64_t id : c.evidence) ev += "," + std::to_string(id);
  return std::string(FindingStatusName(c.to)) + "|" + (c.on ? c.on->ToString() : "") + "|" +
         c.note + (c.due_on ? "|due=" + c.due_on->ToString() : "") + "|ev" + ev;
}

Status CheckFindingEvidence(storage::Connection& conn, const Finding& f,
                            const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  if (ids.size() > 20) return Error::Invalid("evidence", "佐证材料最多 20 个");
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {"projects", "finding", f.id}));
  for (int64_t id : ids)
    if (std::none_of(files.begin(), files.end(), [&](const auto& x) { return x.id == id; }))
      return Error::Invalid("evidence", "文件 " + std::to_string(id) + " 不是本问题的佐证材料");
  return {};
}

Result<FindingMove> Record(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           const Finding& f, const FindingCommand& c, CivilDate today,
                           const std::string& fp) {
  ASSIGN_OR_RETURN(auto moves, store::FindingMoves(conn, f.id));
  RETURN_IF_ERROR(CheckFindingMove(f, who, c, f.status_on, today));
  RETURN_IF_ERROR(CheckFindingEvidence(conn, f, c.evidence));
  FindingMove m;
  m.finding_id = f.id;
  m.seq = static_cast<int>(moves.size()) + 1;
  m.from = f.status;
  m.to = c.to;
  m.on = c.on.value_or(today);
  m.idempotency_key = c.idempotency_key;
  m.note = c.note;
  m.evidence = c.evidence;
  if (c.due_on) {
    m.due_on = c.due_on;
    m.previous_due_on = f.due_on;
  }
  if (who.id.valid()) m.actor_id = who.id.value;
  m.actor_name = who.display_name.empty() ? who.username : who.display_name;
  m.created_at = d.clock.NowMs();
  ASSIGN_OR_RETURN(m.id, store::InsertFindingMove(conn, m, fp));
  RETURN_IF_ERROR(store::SetFindingStatus(conn, f.id, m.to, m.on, m.created_at));
  if (m.due_on) RETURN_IF_ERROR(store::SetFindingDue(conn, f.id, *m.due_on));
  std::string due =
      m.due_on ? " due=" + f.due_on.ToString() + "->" + m.due_on->ToString() : std::string();
  RETURN_IF_ERROR(d.audit.Append(
      conn,
      account::AuditOf(who, "projects.finding_move", "finding", f.id,
                       std::string(FindingStatusName(m.from)) + "->" + FindingStatusName(m.to) +
                           " on=" + m.on.ToString() + due + " key=" + m.idempotency_key)));
  return m;
}

}  // namespace

Result<FindingDetail> CreateFinding(const Deps& d, const account::Principal& who,
                                    const FindingInput& in) {
  if (!who.Can("projects:review")) return Error::Forbidden("没有登记问题清单的权限");
  const CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  return storage::InTransaction<FindingDetail>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<FindingDetail> {
        ASSIGN_OR_RETURN(Finding f, FindingOf(*conn, who, in, today));
        if (!who.InScope(f.region))
          return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
        if (who.id.valid()) f.created_by = who.id.value;
        ASSIGN_OR_RETURN(f.id, store::InsertFinding(*conn, f, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "projects.finding", "finding", f.id,
                                    "source=" + f.source + " region=" + f.region.str() +
                                        " due=" + f.due_on.ToString() + " title=" + f.title)));
        ASSIGN_OR_RETURN(Finding now, Visible(*conn, who, f.id, today));
        return DetailOf(*conn, who, now);
      });
}

Result<FindingDetail> GetFinding(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Finding f, Visible(*conn, who, id, ShanghaiDate(d.clock.NowMs())));
  return DetailOf(*conn, who, f);
}

Result<Page<Finding>> ListFindings(const Deps& d, const account::Principal& who, FindingFilter f,
                                   const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  const CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Finding> p, store::ListFindings(*conn, f, today, page));
  std::vector<std::string> codes;
  for (auto& x : p.items) {
    x.overdue = x.status != FindingStatus::kClosed && x.due_on < today;
    codes.push_back(x.region.str());
  }
  auto names = region::NamesOf(*conn, codes);
  if (names.ok())
    for (auto& x : p.items)
      if (names->contains(x.region.str())) x.region_name = names->at(x.region.str());
  return p;
}

Result<std::string> FindingFileAccess(storage::Connection& conn, const account::Principal& who,
                                      int64_t id, bool write) {
  ASSIGN_OR_RETURN(Finding f, Visible(conn, who, id, CivilDate{}));
  if (write && !who.Can("projects:edit") && !who.Can("projects:review"))
    return Error::Forbidden("没有上传整改佐证材料的权限");
  if (write && f.status == FindingStatus::kClosed)
    return Error::Conflict("问题已销号，不能再上传材料", "file");
  return f.county_code;
}

Result<std::pair<FindingMove, FindingDetail>> MoveFinding(const Deps& d,
                                                          const account::Principal& who, int64_t id,
                                                          const FindingCommand& in) {
  FindingCommand c = in;
  ASSIGN_OR_RETURN(c.idempotency_key,
                   validate::ValidateText(c.idempotency_key, {"idempotency_key", "幂等键", 100}));
  ASSIGN_OR_RETURN(c.note, validate::ValidateText(c.note, {"note", "说明", 1000, true}));
  const CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  using Out = std::pair<FindingMove, FindingDetail>;
  return storage::InTransaction<Out>(*conn, storage::TxMode::kWrite, [&]() -> Result<Out> {
    ASSIGN_OR_RETURN(Finding f, Visible(*conn, who, id, today));
    if (!who.InScope(f.region)) return Error::Forbidden("该问题不在您的管辖范围内");
    const std::string fp = Fingerprint(c);
    std::string stored;
    ASSIGN_OR_RETURN(auto prior, store::FindFindingMove(*conn, id, c.idempotency_key, &stored));
    FindingMove m;
    if (prior) {
      if (stored != fp)
        return Error::Conflict("幂等键 " + c.idempotency_key + " 已用于该问题的另一次操作",
                               "idempotency_key");
      m = *prior;
      m.repeated = true;
    } else {
      ASSIGN_OR_RETURN(m, Record(*conn, d, who, f, c, today, fp));
    }
    ASSIGN_OR_RETURN(Finding now, Visible(*conn, who, id, today));
    ASSIGN_OR_RETURN(FindingDetail detail, DetailOf(*conn, who, now));
    return Out{m, detail};
  });
}

}  // namespace ruralec::projects
