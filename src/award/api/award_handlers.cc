#include "award/api/award_handlers.h"

#include <algorithm>
#include <memory>

#include "award/award_json.h"
#include "award/service.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "programme/cli/programme_json.h"
#include "programme/evaluate.h"
#include "programme/local_store.h"
#include "programme/store.h"

namespace ruralec::award::api {
namespace {

using http::Reply;
using http::Request;

Result<std::string> BodyPeriod(const Json& body) {
  ASSIGN_OR_RETURN(std::string period, http::RequiredString(body, "period"));
  RETURN_IF_ERROR(ParseYear(period));
  return period;
}

// A list is visible when its scope is inside the caller's region or contains it (then only
// the caller's lines are shown); writes need the scope inside the caller's region.
// The totals of a visible list are those of the caller's part of it (Lists::Get with a view).
Result<ListInfo> VisibleList(Lists& lists, const Request& req, bool write) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  ASSIGN_OR_RETURN(ListInfo l, lists.Get(id, req.principal().region));
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  const auto& who = req.principal();
  if (write ? who.InScope(scope) : who.CanSee(scope)) return l;
  return Error::Forbidden("奖补清单 " + std::to_string(id) + " 不在您的管辖范围内");
}

Json ListJson(const ListInfo& l) {
  Json rules = Json::array();
  for (const auto& r : l.rules) rules.push_back(RuleOutcomeJson(r));
  auto opt = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
  auto time = [](const std::optional<int64_t>& v) { return http::OptTimeJson(v); };
  return {{"id", l.id},
          {"programme_id", l.programme_id},
          {"programme_key", l.programme_key},
          {"scope_code", l.scope_code},
          {"period", l.period},
          {"version", l.version},
          {"status", l.status},
          {"line_count", l.line_count},
          {"payable_count", l.payable_count},
          {"total_fen", l.total_fen},
          {"totals_scope_code", l.totals_scope_code},
          {"content_sha256", l.content_sha256},
          {"rules", rules},
          {"created_by", l.created_by},
          {"created_by_name", l.created_by_name},
          {"created_at", http::TimeJson(l.created_at)},
          {"proposed_by", opt(l.proposed_by)},
          {"proposed_by_name", l.proposed_by_name},
          {"proposed_at", time(l.proposed_at)},
          {"approved_by", opt(l.approved_by)},
          {"approved_by_name", l.approved_by_name},
          {"approved_at", time(l.approved_at)},
          {"superseded_by", opt(l.superseded_by)},
          {"already_approved", l.already}};
}

Json StoredLineJson(const StoredLine& s) {
  Json j = LineJson(s.line);
  j["line_no"] = s.line_no;
  return j;
}

Result<Json> EvaluateRoute(storage::Database& db, Lists& lists, Request& req) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(int64_t pid, http::BodyId(body, "programme_id"));
  ASSIGN_OR_RETURN(std::string period, BodyPeriod(body));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  ASSIGN_OR_RETURN(auto pe, EvaluateProgramme(db, lists, pid, period, &req.principal(),
                                              programme::DefaultDivisionDir()));
  Json rules = Json::array();
  for (const auto& r : pe.evaluation.rules) rules.push_back(RuleOutcomeJson(r));
  Json out = http::SlicePageJson(
      pe.evaluation.lines, page, [](const Line&) { return true; }, LineJson);
  out["programme_id"] = pid;
  out["programme_key"] = pe.stored.key;
  out["scope_code"] = pe.scope.str();
  out["period"] = period;
  out["total_fen"] = pe.evaluation.total_fen;
  // Lines without an amount yet: the page says they are not in 应付合计 rather than show 0.00.
  out["needs_local_setting_count"] =
      std::count_if(pe.evaluation.lines.begin(), pe.evaluation.lines.end(),
                    [](const Line& l) { return l.status == LineStatus::kNeedsLocalSetting; });
  out["rules"] = rules;
  out["approved_list_id"] = pe.approved ? Json(pe.approved->id) : Json(nullptr);
  out["diff"] = DiffJson(pe.diff);
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(programme::LocalVersion lv,
                   programme::LocalVersionOf(*conn, pe.stored.id, pe.stored.version, pe.programme));
  out["local_version"] = programme::LocalVersionJson(lv);
  return out;
}

Result<Json> CreateRoute(storage::Database& db, Lists& lists, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(int64_t pid, http::BodyId(body, "programme_id"));
  ASSIGN_OR_RETURN(std::string period, BodyPeriod(body));
  ASSIGN_OR_RETURN(auto pe, EvaluateProgramme(db, lists, pid, period, &req.principal(),
                                              programme::DefaultDivisionDir()));
  ASSIGN_OR_RETURN(ListInfo l, lists.CreateDraft(req.principal(),
                                                 {pid, pe.stored.key, pe.scope, &pe.evaluation}));
  reply.status = 201;
  return ListJson(l);
}

Result<Json> VersionsRoute(Lists& lists, Request& req) {
  ASSIGN_OR_RETURN(int64_t pid, http::QueryId(req, "programme_id"));
  std::string period = req.Query("period");
  if (!period.empty()) RETURN_IF_ERROR(ParseYear(period));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  ASSIGN_OR_RETURN(auto versions, lists.Versions(req.principal().region, pid, period, page));
  return http::PageJson(versions, page, ListJson);
}

Result<Json> LinesRoute(Lists& lists, Request& req) {
  ASSIGN_OR_RETURN(ListInfo l, VisibleList(lists, req, false));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  const RegionCode& narrow =
      req.principal().region.Contains(scope) ? scope : req.principal().region;
  ASSIGN_OR_RETURN(auto lines, lists.Lines(l.id, narrow, page));
  return http::PageJson(lines, page, StoredLineJson);
}

// Against the list this one superseded (when approved) or the approved list (otherwise), over
// the lines inside the caller's region (a town user of a county list: the town's lines).
Result<Json> DiffRoute(Lists& lists, Request& req) {
  ASSIGN_OR_RETURN(ListInfo l, VisibleList(lists, req, false));
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  const RegionCode& view = req.principal().region.Contains(scope) ? scope : req.principal().region;
  std::optional<ListInfo> base;
  if (l.status == "draft" || l.status == "proposed") {
    ASSIGN_OR_RETURN(base, lists.LastApproved(l.programme_key, scope, l.period));
  } else {
    ASSIGN_OR_RETURN(auto versions, lists.Versions(scope, l.programme_id, l.period,
                                                   {1, PageRequest::kMaxPageSize}));
    for (const auto& v : versions.items)
      if (v.superseded_by == l.id) base = v;
  }
  std::vector<Line> old_lines, new_lines;
  if (base) {
    ASSIGN_OR_RETURN(auto stored, lists.AllLines(base->id, view));
    for (auto& s : stored) old_lines.push_back(std::move(s.line));
  }
  ASSIGN_OR_RETURN(auto stored, lists.AllLines(l.id, view));
  for (auto& s : stored) new_lines.push_back(std::move(s.line));
  ASSIGN_OR_RETURN(Diff diff, DiffLines(old_lines, new_lines));
  Json out = DiffJson(diff);
  out["list_id"] = l.id;
  out["base_list_id"] = base ? Json(base->id) : Json(nullptr);
  out["scope_code"] = view.str();  // the region whose lines were compared
  return out;
}

Result<Json> ExportRoute(storage::Database& db, Lists& lists, const audit::AuditLog& audit,
                         Request& req, Reply& reply, bool publish) {
  ASSIGN_OR_RETURN(ListInfo l, VisibleList(lists, req, false));
  if (publish && l.status != "approved")
    return Error::Conflict("只有已核定（approved）的清单可以公示", "status");
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  // A county user of a city list gets its own lines (and l's totals are already its own).
  const RegionCode& view = req.principal().region.Contains(scope) ? scope : req.principal().region;
  ASSIGN_OR_RETURN(auto lines, lists.AllLines(l.id, view));
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(programme::ProgrammeRow prog, programme::GetProgrammeRow(*conn, l.programme_id));
  RETURN_IF_ERROR(audit.Append(
      *conn, http::AuditEntry(req, publish ? "award.list.publish" : "award.list.export",
                              "award_list", l.id, std::to_string(lines.size()) + " lines")));
  ASSIGN_OR_RETURN(std::string bytes, ExportXlsx(*conn, l, lines, prog.name, publish));
  http::BytesReply(std::move(bytes),
                   prog.name + "_" + l.period + "年" + (publish ? "奖补公示" : "奖补清单") + "_第" +
                       std::to_string(l.version) + "版.xlsx",
                   reply);
  return Json(nullptr);
}

}  // namespace

void RegisterRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock) {
  auto lists = std::make_shared<Lists>(db, audit, clock);  // shared by the routes
  const std::string one = R"(/awards/lists/(\d+))";
  const http::Route read{.permission = "award:read"};
  const http::Route evaluate{.permission = "award:evaluate"};
  const http::Route propose{.permission = "award:propose"};
  const http::Route approve{.permission = "award:approve"};
  s.Post("/awards/evaluate", evaluate,
         [&db, lists](Request& req, Reply&) { return EvaluateRoute(db, *lists, req); });
  s.Get("/awards/lists", read,
        [lists](Request& req, Reply&) { return VersionsRoute(*lists, req); });
  s.Post("/awards/lists", propose,
         [&db, lists](Request& req, Reply& reply) { return CreateRoute(db, *lists, req, reply); });
  s.Get(one, read, [lists](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(ListInfo l, VisibleList(*lists, req, false));
    return ListJson(l);
  });
  s.Get(one + "/lines", read, [lists](Request& req, Reply&) { return LinesRoute(*lists, req); });
  s.Get(one + "/diff", read, [lists](Request& req, Reply&) { return DiffRoute(*lists, req); });
  s.Post(one + "/propose", propose, [lists](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(ListInfo l, VisibleList(*lists, req, true));
    ASSIGN_OR_RETURN(ListInfo p, lists->Propose(req.principal(), l.id));
    return ListJson(p);
  });
  s.Post(one + "/approve", approve, [lists](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(ListInfo l, VisibleList(*lists, req, true));
    ASSIGN_OR_RETURN(ListInfo a, lists->Approve(req.principal(), l.id));
    return ListJson(a);
  });
  s.Get(one + "/export", read, [&db, &audit, lists](Request& req, Reply& reply) {
    return ExportRoute(db, *lists, audit, req, reply, false);
  });
  s.Get(one + "/publish", read, [&db, &audit, lists](Request& req, Reply& reply) {
    return ExportRoute(db, *lists, audit, req, reply, true);
  });
}

}  // namespace ruralec::award::api
