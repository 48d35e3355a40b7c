#include "projects/api/projects_handlers.h"

#include "attachments/api/file_routes.h"
#include "http/list.h"
#include "http/params.h"
#include "projects/materials.h"

namespace ruralec::projects::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json OptGrade(const std::optional<Grade>& g) { return g ? Json(GradeName(*g)) : Json(nullptr); }

std::vector<attachments::api::Slot> Slots() {
  std::vector<attachments::api::Slot> out;
  for (const auto& t : Types())
    for (const auto& m : t.materials) out.push_back({m.code, m.label, {}, 10});
  for (const auto& m : ExtraMaterialSlots()) out.push_back({m.code, m.label, {}, 10});
  out.push_back({"evidence", "佐证材料（评审、验收、评估、整改）", {}, 50});
  return out;
}

Json ProjectJson(const Project& p) {
  const ProjectType* t = FindType(p.type);
  return {{"id", p.id},
          {"county_code", p.county_code},
          {"region_code", p.region.str()},
          {"region_name", p.region_name},
          {"type", p.type},
          {"type_label", t ? t->label : p.type},
          {"name", p.name},
          {"applicant", p.applicant},
          {"note", p.note},
          {"phase", p.phase},
          {"parent_id", http::OptIntJson(p.parent_id)},
          {"fund_id", http::OptIntJson(p.fund_id)},
          {"fund_project_key", p.fund_project_key},
          {"subsidy_fen", http::OptIntJson(p.subsidy_fen)},
          {"status", StateName(p.status)},
          {"status_label", StateLabel(p.status)},
          {"status_on", p.status_on.ToString()},
          {"grade", OptGrade(p.grade)},
          {"grade_label", p.grade ? Json(GradeLabel(*p.grade)) : Json(nullptr)},
          {"reviewer_id", http::OptIntJson(p.reviewer_id)},
          {"reviewer_name", p.reviewer_name},
          {"created_at", http::TimeJson(p.created_at)},
          {"updated_at", http::TimeJson(p.updated_at)}};
}

Json TransitionJson(const Transition& t) {
  return {{"id", t.id},
          {"seq", t.seq},
          {"from", StateName(t.from)},
          {"to", StateName(t.to)},
          {"to_label", StateLabel(t.to)},
          {"on", t.on.ToString()},
          {"idempotency_key", t.idempotency_key},
          {"note", t.note},
          {"grade", OptGrade(t.grade)},
          {"rectify_by", OptDate(t.rectify_by)},
          {"evidence", t.evidence},
          {"calendar_version", t.calendar_version},
          {"actor_id", http::OptIntJson(t.actor_id)},
          {"actor_name", t.actor_name},
          {"created_at", http::TimeJson(t.created_at)},
          {"repeated", t.repeated}};
}

Json DeadlineJson(const Deadline& d) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"stage", d.stage},
          {"started_on", d.started_on.ToString()},
          {"working_days", d.working_days},
          {"due_on", OptDate(d.due_on)},
          {"provisional", d.provisional},
          {"paused", d.paused},
          {"pauses", d.pauses},
          {"calendar_version", d.calendar_version},
          {"closed_on", OptDate(d.closed_on)},
          {"overdue", d.overdue},
          {"due_soon", d.due_soon}};
}

Json DetailJson(const Detail& d) {
  Json out = ProjectJson(d.project);
  Json materials = Json::array();
  for (const auto& m : d.materials)
    materials.push_back(
        {{"code", m.material.code}, {"label", m.material.label}, {"files", m.files}});
  out["materials"] = materials;
  Json timeline = Json::array();
  for (const auto& t : d.timeline) timeline.push_back(TransitionJson(t));
  out["timeline"] = timeline;
  Json deadlines = Json::array();
  for (const auto& x : d.deadlines) deadlines.push_back(DeadlineJson(x));
  out["deadlines"] = deadlines;
  Json next = Json::array();
  for (State s : d.next) next.push_back({{"to", StateName(s)}, {"label", StateLabel(s)}});
  out["next"] = next;
  out["calendar_version"] = d.calendar_version;
  return out;
}

Result<ProjectInput> InputFrom(const Json& body) {
  ProjectInput in;
  ASSIGN_OR_RETURN(std::string region, http::RequiredString(body, "region_code"));
  auto code = RegionCode::Parse(region);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
  in.region = *code;
  ASSIGN_OR_RETURN(in.type, http::RequiredString(body, "type"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.applicant, http::RequiredString(body, "applicant"));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.note = note.value_or("");
  ASSIGN_OR_RETURN(auto key, http::OptionalString(body, "fund_project_key"));
  in.fund_project_key = key.value_or("");
  ASSIGN_OR_RETURN(in.parent_id, http::BodyOptInt(body, "parent_id"));
  ASSIGN_OR_RETURN(in.fund_id, http::BodyOptInt(body, "fund_id"));
  ASSIGN_OR_RETURN(in.subsidy_fen, http::BodyOptInt(body, "subsidy_fen"));
  return in;
}

Result<Command> CommandFrom(const Json& body) {
  Command c;
  ASSIGN_OR_RETURN(std::string to, http::RequiredString(body, "to"));
  ASSIGN_OR_RETURN(c.to, ParseState(to));
  ASSIGN_OR_RETURN(c.idempotency_key, http::RequiredString(body, "idempotency_key"));
  ASSIGN_OR_RETURN(c.on, http::BodyOptDate(body, "on"));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  c.note = note.value_or("");
  ASSIGN_OR_RETURN(auto grade, http::OptionalString(body, "grade"));
  if (grade && !grade->empty()) {
    ASSIGN_OR_RETURN(c.grade, ParseGrade(*grade));
  }
  ASSIGN_OR_RETURN(c.rectify_by, http::BodyOptDate(body, "rectify_by"));
  ASSIGN_OR_RETURN(c.evidence, http::BodyIds(body, "evidence"));
  return c;
}

Result<Filter> FilterFrom(const Request& req) {
  Filter f;
  ASSIGN_OR_RETURN(f.region, http::ScopedRegion(req));
  f.type = req.Query("type");
  if (!f.type.empty() && !FindType(f.type)) return Error::Invalid("type", "未知的项目类型");
  if (std::string s = req.Query("status"); !s.empty()) {
    auto st = ParseState(s);
    if (!st.ok()) return Error::Invalid("status", "未知的项目状态: " + s);
    f.status = *st;
  }
  f.q = req.Query("q");
  return f;
}

Result<InboxFilter> InboxFrom(const Request& req) {
  InboxFilter f;
  ASSIGN_OR_RETURN(f.region, http::ScopedRegion(req));
  f.stage = req.Query("stage");
  if (!f.stage.empty() && f.stage != "review" && f.stage != "acceptance" &&
      f.stage != "evaluation" && f.stage != "rectification")
    return Error::Invalid("stage", "阶段应为 review、acceptance、evaluation 或 rectification");
  ASSIGN_OR_RETURN(f.reviewer_id, http::QueryOptInt(req, "reviewer_id"));
  ASSIGN_OR_RETURN(auto overdue, http::QueryOptBool(req, "overdue"));
  f.overdue_only = overdue.value_or(false);
  ASSIGN_OR_RETURN(auto soon, http::QueryOptBool(req, "due_soon"));
  f.due_soon_only = soon.value_or(false);
  return f;
}

Json InboxItemJson(const Deadline& d) {
  Json out = DeadlineJson(d);
  out["project_name"] = d.project_name;
  out["region_code"] = d.region_code;
  out["project_status"] = StateName(d.project_status);
  out["project_status_label"] = StateLabel(d.project_status);
  out["reviewer_id"] = http::OptIntJson(d.reviewer_id);
  out["reviewer_name"] = d.reviewer_name;
  return out;
}

Json MaterialSetJson(const MaterialSet& m) {
  Json materials = Json::array();
  for (const auto& x : m.materials) materials.push_back({{"code", x.code}, {"label", x.label}});
  return {{"id", http::OptIntJson(m.id)},
          {"type", m.type},
          {"programme_id", http::OptIntJson(m.programme_id)},
          {"source", m.source},
          {"materials", materials},
          {"reason", m.reason},
          {"created_by_name", m.created_by_name},
          {"created_at", m.id ? Json(http::TimeJson(m.created_at)) : Json(nullptr)}};
}

Result<MaterialSetInput> MaterialSetFrom(const Json& body) {
  MaterialSetInput in;
  ASSIGN_OR_RETURN(in.type, http::RequiredString(body, "type"));
  ASSIGN_OR_RETURN(in.programme_id, http::BodyOptInt(body, "programme_id"));
  ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
  in.reason = reason.value_or("");
  if (!body.contains("materials") || !body["materials"].is_array())
    return Error::Invalid("materials", "请填写材料清单（数组）");
  for (const auto& m : body["materials"]) {
    if (!m.is_object() || !m.contains("code") || !m["code"].is_string() || !m.contains("label") ||
        !m["label"].is_string())
      return Error::Invalid("materials", "每项材料应有 code 和 label");
    in.materials.push_back({m["code"].get<std::string>(), m["label"].get<std::string>()});
  }
  return in;
}

void RegisterMaterialSets(http::Server& s, const Deps& d) {
  s.Get("/projects/material-sets", {true, "projects:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(auto programme, http::QueryOptInt(req, "programme_id"));
          ASSIGN_OR_RETURN(MaterialSets sets,
                           GetMaterialSets(d, req.principal(), req.Query("type"), programme));
          Json history = Json::array();
          for (const auto& h : sets.history) history.push_back(MaterialSetJson(h));
          Json out = MaterialSetJson(sets.current);
          out["history"] = history;
          return out;
        });
  s.Put("/projects/material-sets", {true, "projects:review"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(MaterialSetInput in, MaterialSetFrom(body));
          ASSIGN_OR_RETURN(MaterialSet set, SetMaterials(d, req.principal(), std::move(in)));
          return MaterialSetJson(set);
        });
}

void RegisterReads(http::Server& s, const Deps& d) {
  RegisterMaterialSets(s, d);
  s.Get("/projects/types", {true, "projects:read"}, [](Request&, Reply&) -> Result<Json> {
    Json out = Json::array();
    for (const auto& t : Types()) {
      Json materials = Json::array();
      for (const auto& m : t.materials) materials.push_back({{"code", m.code}, {"label", m.label}});
      out.push_back({{"code", t.code}, {"label", t.label}, {"materials", materials}});
    }
    return out;
  });
  s.Get("/projects", {true, "projects:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"id", "name", "status_on"}));
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req));
    ASSIGN_OR_RETURN(Page<Project> p, List(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, ProjectJson);
  });
  s.Get("/projects/inbox", {true, "projects:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    ASSIGN_OR_RETURN(InboxFilter f, InboxFrom(req));
    ASSIGN_OR_RETURN(Inbox box, OpenDeadlines(d, req.principal(), f));
    Json out = http::SlicePageJson(
        box.items, page, [](const Deadline&) { return true; }, InboxItemJson);
    Json overdue = Json::array();
    for (const auto& o : box.overdue)
      overdue.push_back({{"stage", o.stage},
                         {"reviewer_id", http::OptIntJson(o.reviewer_id)},
                         {"reviewer_name", o.reviewer_name},
                         {"count", o.count}});
    out["overdue"] = overdue;
    out["today"] = box.today.ToString();
    out["due_soon_until"] = OptDate(box.soon_until);
    return out;
  });
  s.Get(R"(/projects/(\d+))", {true, "projects:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Detail detail, Get(d, req.principal(), id));
    return DetailJson(detail);
  });
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterReads(s, d);
  s.Post("/projects", {true, "projects:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(ProjectInput in, InputFrom(body));
    ASSIGN_OR_RETURN(Detail detail, Create(d, req.principal(), in));
    reply.status = 201;
    return DetailJson(detail);
  });
  s.Post(R"(/projects/(\d+)/transitions)", {true, ""},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(Command c, CommandFrom(body));
           ASSIGN_OR_RETURN(auto out, Apply(d, req.principal(), id, c));
           reply.status = out.first.repeated ? 200 : 201;
           Json j = DetailJson(out.second);
           j["transition"] = TransitionJson(out.first);
           return j;
         });
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/projects", "projects", "project", "projects:read", "", Slots(),
                              FileAccess, "project", "projects.file"});
}

}  // namespace ruralec::projects::api
