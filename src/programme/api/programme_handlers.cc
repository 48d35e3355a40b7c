#include "programme/api/programme_handlers.h"

#include "http/audit_entry.h"
#include "http/list.h"
#include "programme/api/access.h"
#include "programme/api/editor_handlers.h"
#include "programme/api/town_handlers.h"
#include "programme/cli/programme_json.h"
#include "programme/evaluate.h"
#include "programme/local_store.h"
#include "programme/store.h"

#if __has_include("programme/report/quarterly_report.h")
#include "programme/api/report_handlers.h"
#endif

namespace ruralec::programme::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<Evaluated> Evaluate(storage::Connection& conn, const Request& req, const Clock& clock,
                           const IndicatorRegistry& indicators) {
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(conn, req));
  return EvaluateStored(conn, indicators, sp.id, ShanghaiDate(clock.NowMs()), DefaultDivisionDir());
}

Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

// Who reported and confirmed a reported actual (填报), null for a computed one.
Json ReportedJson(const std::optional<runtime::ReportedBy>& r) {
  if (!r) return nullptr;
  return {{"report_id", r->report_id},       {"period", r->period},
          {"reported_by", r->reported_by},   {"reported_at", http::TimeJson(r->reported_at)},
          {"confirmed_by", r->confirmed_by}, {"confirmed_at", http::TimeJson(r->confirmed_at)}};
}

Json LineJson(const RegionProgress& l) {
  return {{"region_code", l.region_code},
          {"region_name", l.region_name},
          {"goal", Opt(l.goal)},
          {"actual", Opt(l.actual)},
          {"percent", l.percent ? Json(*l.percent) : Json(nullptr)},
          {"status", TargetStatusName(l.status)},
          {"reason", l.reason},
          {"reported", ReportedJson(l.reported)},
          {"baseline", Opt(l.baseline)},
          {"baseline_from", OptDate(l.baseline_from)},
          {"baseline_to", OptDate(l.baseline_to)}};
}

Json TargetJson(const TargetProgress& t) {
  Json quotas = Json::array();
  for (const auto& q : t.quotas) quotas.push_back(LineJson(q));
  return {{"target_id", t.target_id},     {"indicator", t.indicator},
          {"comparator", t.comparator},   {"unit", t.unit},
          {"base_unit", t.base_unit},     {"from", t.from.ToString()},
          {"due", t.due.ToString()},      {"deadline_is_period_end", t.deadline_is_period_end},
          {"region", LineJson(t.region)}, {"quotas", quotas}};
}

Json TaskJson(const TaskProgress& t) {
  return {
      {"number", t.number},    {"text", t.text},           {"lead_units", t.lead_units},
      {"due", OptDate(t.due)}, {"status", t.status},       {"overdue", t.overdue},
      {"notes", t.notes},      {"last_note", t.last_note}, {"towns_reported", t.towns_reported}};
}

Json ProgressJson(const Evaluated& ev) {
  Json targets = Json::array(), tasks = Json::array();
  for (const auto& t : ev.progress.targets) targets.push_back(TargetJson(t));
  for (const auto& t : ev.progress.tasks) {
    tasks.push_back(TaskJson(t));
    tasks.back()["towns_total"] = LeadingTownCount(ev.stored, t.number);  // 0: not town-led
  }
  return {{"programme_id", ev.stored.id},
          {"today", ev.progress.today.ToString()},
          {"targets", targets},
          {"tasks", tasks}};
}

Json LaggingJson(const Evaluated& ev) {
  Json groups = Json::array();
  auto all = Lagging(*ev.programme, ev.progress);
  LaggingCount count = CountLagging(all);
  for (const auto& g : all) {
    Json targets = Json::array(), tasks = Json::array();
    for (const auto& t : g.targets) {
      Json j = LineJson(t.line);
      j["target_id"] = t.target_id;
      j["indicator"] = t.indicator;
      targets.push_back(j);
    }
    for (const auto& t : g.tasks) tasks.push_back(TaskJson(t));
    groups.push_back({{"lead_unit", g.lead_unit}, {"targets", targets}, {"tasks", tasks}});
  }
  return {{"programme_id", ev.stored.id},
          {"today", ev.progress.today.ToString()},
          {"groups", groups},
          {"distinct", {{"target_lines", count.target_lines}, {"tasks", count.tasks}}}};
}

// Adds "local_version": the local settings the evaluated version carries.
Result<Json> WithLocalVersion(storage::Connection& conn, const Evaluated& ev, Json out) {
  ASSIGN_OR_RETURN(LocalVersion lv,
                   LocalVersionOf(conn, ev.stored.id, ev.stored.version, *ev.programme));
  out["local_version"] = LocalVersionJson(lv);
  return out;
}

Json RowJson(const ProgrammeRow& r) {
  return {{"id", r.id},
          {"key", r.key},
          {"version", r.version},
          {"name", r.name},
          {"document_number", r.document_number},
          {"region_code", r.region_code},
          {"targets", r.targets},
          {"tasks", r.tasks}};
}

Result<Json> List(storage::Database& db, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(auto rows, ListProgrammes(*conn, ""));
  return http::SlicePageJson(
      rows, page, [&](const ProgrammeRow& r) { return req.principal().CanSee(r.region_code); },
      RowJson);
}

// 400 in the standard shape plus "errors": [{line, message}].
Json CheckErrors(const std::vector<Issue>& issues) {
  Json errors = Json::array();
  for (const auto& i : issues) errors.push_back({{"line", i.line}, {"message", i.message}});
  return {{"code", "invalid_argument"},
          {"message", "方案文件有 " + std::to_string(issues.size()) + " 处错误"},
          {"field", "yaml"},
          {"errors", errors}};
}

Result<Json> Upload(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                    Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  if (body.contains("programme")) return CreateFromTree(db, audit, clock, req, reply);
  ASSIGN_OR_RETURN(std::string text, http::RequiredString(body, "yaml"));
  CheckedText checked = CheckText(text, "upload", DefaultDivisionDir());
  if (!checked.issues.empty()) {
    reply.status = 400;
    return CheckErrors(checked.issues);
  }
  const Programme& p = checked.programme;
  ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(p.region.resolved_code));
  if (!req.principal().InScope(region)) {
    return Error::Forbidden("方案区划 " + region.str() + " 不在您的管辖范围内");
  }
  auto conn = db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(StoredVersion v, StoreProgramme(*conn, p, text, "upload", clock.NowMs()));
    RETURN_IF_ERROR(audit.Append(
        *conn, http::AuditEntry(req, "programme.load", "programme", v.programme_id,
                                "key=" + v.key + " version=" + std::to_string(v.version) +
                                    (v.created ? " created" : " unchanged"))));
    reply.status = v.created ? 201 : 200;
    return Json{
        {"id", v.programme_id}, {"key", v.key}, {"version", v.version}, {"created", v.created}};
  });
}

Result<Json> AddNote(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                     Request& req, Reply& reply) {
#if __has_include("programme/report/quarterly_report.h")
  if (req.Header("Content-Type").rfind("multipart/form-data", 0) == 0)  // with an attachment
    return AddNoteMultipart(db, audit, clock, req, reply);
#endif
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(std::string text, http::RequiredString(body, "text"));
  ASSIGN_OR_RETURN(auto status, http::OptionalString(body, "status"));
  ASSIGN_OR_RETURN(auto asked, http::OptionalString(body, "region"));
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int number, KnownTask(sp, req));
  ASSIGN_OR_RETURN(std::string region, NoteRegion(req, sp, number, asked.value_or("")));
  const auto& who = req.principal();
  TaskNote note{
      0,     sp.id, number, text, status.value_or(""), who.id.value, who.username, clock.NowMs(),
      region};
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(TaskNote saved, AddTaskNote(*conn, sp.region_code, note));
    RETURN_IF_ERROR(audit.Append(*conn, http::AuditEntry(req, "programme.task.note", "programme",
                                                         sp.id, NoteAuditDetail(saved))));
    reply.status = 201;
    return Json{{"id", saved.id},
                {"task_number", saved.task_number},
                {"text", saved.text},
                {"status", saved.status},
                {"author", saved.author_name},
                {"region_code", saved.region_code},
                {"created_at", http::TimeJson(saved.created_at)}};
  });
}

}  // namespace

void RegisterRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const IndicatorRegistry& indicators) {
  const std::string one = R"(/programmes/(\d+))";
  const http::Route read{.permission = "programme:read"};
  const http::Route edit{.permission = "programme:edit"};
  const http::Route report{.permission = "programme:task:report"};  // then NoteRegion
  s.Get("/programmes", read, [&db](Request& req, Reply&) { return List(db, req); });
  s.Get(one, read, [&db](Request& req, Reply&) -> Result<Json> {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
    ASSIGN_OR_RETURN(auto programme, LoadProgramme(sp, DefaultDivisionDir()));
    Json out = ToJson(*programme);
    out["db_id"] = sp.id;
    out["version"] = sp.version;
    return out;
  });
  s.Get(one + "/progress", read, [&db, &clock, &indicators](Request& req, Reply&) -> Result<Json> {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(Evaluated ev, Evaluate(*conn, req, clock, indicators));
    return WithLocalVersion(*conn, ev, ProgressJson(ev));
  });
  s.Get(one + "/lagging", read, [&db, &clock, &indicators](Request& req, Reply&) -> Result<Json> {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(Evaluated ev, Evaluate(*conn, req, clock, indicators));
    return WithLocalVersion(*conn, ev, LaggingJson(ev));
  });
  s.Post("/programmes", edit, [&db, &audit, &clock](Request& req, Reply& reply) {
    return Upload(db, audit, clock, req, reply);
  });
  s.Post(one + R"(/tasks/(\d+)/notes)", report, [&db, &audit, &clock](Request& req, Reply& reply) {
    return AddNote(db, audit, clock, req, reply);
  });
  RegisterReportRoute(s, db, audit, clock, indicators);
  RegisterTownRoutes(s, db);
  RegisterAttachmentRoutes(s, db, audit, clock);
  RegisterEditorRoutes(s, db, audit, clock);
}

}  // namespace ruralec::programme::api
