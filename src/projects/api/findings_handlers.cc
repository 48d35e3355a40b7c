#include "projects/api/findings_handlers.h"

#include "attachments/api/file_routes.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::projects::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

const char* SourceLabel(const std::string& code) {
  for (const auto& s : FindingSources())
    if (code == s.code) return s.label;
  return "";
}

Json FindingJson(const Finding& f) {
  return {{"id", f.id},
          {"county_code", f.county_code},
          {"region_code", f.region.str()},
          {"region_name", f.region_name},
          {"project_id", http::OptIntJson(f.project_id)},
          {"project_name", f.project_name},
          {"source", f.source},
          {"source_label", SourceLabel(f.source)},
          {"found_on", f.found_on.ToString()},
          {"title", f.title},
          {"detail", f.detail},
          {"requirement", f.requirement},
          {"owner_unit", f.owner_unit},
          {"due_on", f.due_on.ToString()},
          {"status", FindingStatusName(f.status)},
          {"status_label", FindingStatusLabel(f.status)},
          {"status_on", f.status_on.ToString()},
          {"overdue", f.overdue},
          {"created_at", http::TimeJson(f.created_at)},
          {"updated_at", http::TimeJson(f.updated_at)}};
}

Json MoveJson(const FindingMove& m) {
  return {
      {"id", m.id},
      {"seq", m.seq},
      {"from", FindingStatusName(m.from)},
      {"to", FindingStatusName(m.to)},
      {"to_label", FindingStatusLabel(m.to)},
      {"on", m.on.ToString()},
      {"idempotency_key", m.idempotency_key},
      {"note", m.note},
      {"due_on", m.due_on ? Json(m.due_on->ToString()) : Json(nullptr)},
      {"previous_due_on", m.previous_due_on ? Json(m.previous_due_on->ToString()) : Json(nullptr)},
      {"evidence", m.evidence},
      {"actor_id", http::OptIntJson(m.actor_id)},
      {"actor_name", m.actor_name},
      {"created_at", http::TimeJson(m.created_at)},
      {"repeated", m.repeated}};
}

Json DetailJson(const FindingDetail& d) {
  Json out = FindingJson(d.finding);
  Json moves = Json::array();
  for (const auto& m : d.moves) moves.push_back(MoveJson(m));
  out["moves"] = moves;
  Json next = Json::array();
  for (FindingStatus s : d.next) {
    const FindingMoveRule* r = FindFindingMove(d.finding.status, s);
    next.push_back({{"to", FindingStatusName(s)},
                    {"label", r ? r->label : ""},
                    {"note_required", r && r->note_required}});
  }
  out["next"] = next;
  return out;
}

Result<std::string> Text(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<FindingInput> InputFrom(const Json& body) {
  FindingInput in;
  ASSIGN_OR_RETURN(in.project_id, http::BodyOptInt(body, "project_id"));
  ASSIGN_OR_RETURN(std::string region, Text(body, "region_code"));
  if (!region.empty()) {
    auto code = RegionCode::Parse(region);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
    in.region = *code;
  }
  ASSIGN_OR_RETURN(in.source, Text(body, "source"));
  ASSIGN_OR_RETURN(in.found_on, http::BodyOptDate(body, "found_on"));
  ASSIGN_OR_RETURN(in.title, Text(body, "title"));
  ASSIGN_OR_RETURN(in.detail, Text(body, "detail"));
  ASSIGN_OR_RETURN(in.requirement, Text(body, "requirement"));
  ASSIGN_OR_RETURN(in.owner_unit, Text(body, "owner_unit"));
  ASSIGN_OR_RETURN(in.due_on, http::BodyOptDate(body, "due_on"));
  return in;
}

Result<FindingCommand> CommandFrom(const Json& body) {
  FindingCommand c;
  ASSIGN_OR_RETURN(std::string to, http::RequiredString(body, "to"));
  auto st = ParseFindingStatus(to);
  if (!st.ok()) return Error::Invalid("to", "未知的整改状态: " + to);
  c.to = *st;
  ASSIGN_OR_RETURN(c.idempotency_key, http::RequiredString(body, "idempotency_key"));
  ASSIGN_OR_RETURN(c.on, http::BodyOptDate(body, "on"));
  ASSIGN_OR_RETURN(c.note, Text(body, "note"));
  ASSIGN_OR_RETURN(c.due_on, http::BodyOptDate(body, "due_on"));
  ASSIGN_OR_RETURN(c.evidence, http::BodyIds(body, "evidence"));
  return c;
}

Result<FindingFilter> FilterFrom(const Request& req) {
  FindingFilter f;
  ASSIGN_OR_RETURN(f.region, http::ScopedRegion(req));
  if (std::string s = req.Query("status"); !s.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseFindingStatus(s));
  }
  f.source = req.Query("source");
  if (!f.source.empty() && *SourceLabel(f.source) == '\0')
    return Error::Invalid("source", "未知的问题来源: " + f.source);
  f.q = req.Query("q");
  ASSIGN_OR_RETURN(f.project_id, http::QueryOptInt(req, "project_id"));
  ASSIGN_OR_RETURN(auto overdue, http::QueryOptBool(req, "overdue"));
  f.overdue_only = overdue.value_or(false);
  return f;
}

}  // namespace

void RegisterFindingRoutes(http::Server& s, const Deps& d) {
  // 整改佐证: files of a finding, named by its moves (findings.h "Evidence").
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/findings",
                              "projects",
                              "finding",
                              "projects:read",
                              "",
                              {{"evidence", "整改佐证材料", {}, 50}},
                              FindingFileAccess,
                              "finding",
                              "projects.finding_file"});
  s.Get("/findings", {true, "projects:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {}));
    ASSIGN_OR_RETURN(FindingFilter f, FilterFrom(req));
    ASSIGN_OR_RETURN(Page<Finding> p, ListFindings(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, FindingJson);
  });
  s.Get(R"(/findings/(\d+))", {true, "projects:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(FindingDetail detail, GetFinding(d, req.principal(), id));
    return DetailJson(detail);
  });
  s.Post("/findings", {true, "projects:review"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(FindingInput in, InputFrom(body));
    ASSIGN_OR_RETURN(FindingDetail detail, CreateFinding(d, req.principal(), in));
    reply.status = 201;
    return DetailJson(detail);
  });
  // Either side moves a finding (findings.h): the service checks the move's own permission.
  s.Post(R"(/findings/(\d+)/moves)", {true, ""}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(FindingCommand c, CommandFrom(body));
    ASSIGN_OR_RETURN(auto out, MoveFinding(d, req.principal(), id, c));
    reply.status = out.first.repeated ? 200 : 201;
    Json j = DetailJson(out.second);
    j["move"] = MoveJson(out.first);
    return j;
  });
}

}  // namespace ruralec::projects::api
