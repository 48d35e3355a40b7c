// Trainees, enrolments and attendance over HTTP.
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/api/upload.h"
#include "training/api/training_handlers.h"
#include "training/import.h"

namespace ruralec::training::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json TraineeJson(const Trainee& t) {
  return {{"id", t.id},
          {"region_code", t.region.str()},
          {"region_name", t.region_name},
          {"name", t.name},
          {"id_number_masked", t.id_masked},
          {"gender", t.gender},
          {"birth_date", t.birth_date.ToString()},
          {"mobile_masked", t.mobile_masked ? Json(*t.mobile_masked) : Json(nullptr)},
          {"audiences", t.audiences},
          {"household_id", http::OptIntJson(t.household_id)},
          {"sessions", t.sessions},
          {"created_at", http::TimeJson(t.created_at)}};
}

Json AttendanceJson(const AttendanceRow& r) {
  return {
      {"trainee_id", r.trainee_id},
      {"name", r.name},
      {"id_number_masked", r.id_masked},
      {"region_code", r.region.str()},
      {"days", r.days},
      {"score", r.score ? Json(*r.score) : Json(nullptr)},
      {"result", r.result.empty() ? Json(nullptr) : Json(r.result)},
      {"certificate_code", r.certificate_code.empty() ? Json(nullptr) : Json(r.certificate_code)}};
}

Result<std::vector<int64_t>> IdArray(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_array()) return Error::Invalid(field, field + " 应为整数数组");
  std::vector<int64_t> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return Error::Invalid(field, field + " 应为正整数数组");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Result<TraineeInput> TraineeFrom(const Json& body) {
  TraineeInput in;
  ASSIGN_OR_RETURN(in.id_number, http::RequiredString(body, "id_number"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(auto mobile, http::OptionalString(body, "mobile"));
  in.mobile = mobile.value_or("");
  ASSIGN_OR_RETURN(std::string region, http::RequiredString(body, "region_code"));
  auto code = RegionCode::Parse(region);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
  in.region = *code;
  if (body.contains("audiences") && !body["audiences"].is_null()) {
    ASSIGN_OR_RETURN(in.audiences, http::StringArray(body, "audiences"));
  }
  return in;
}

void RegisterTraineeList(http::Server& s, const Deps& d) {
  http::ListRoute<Trainee>(
      s, "/training/trainees", {}, {"id", "name"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Trainee>> {
        TraineeFilter f{req.Query("audience"), req.Query("q")};
        return ListTrainees(d, req.principal(), f, lp.page);
      },
      TraineeJson);
  s.Get(R"(/training/trainees/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Trainee t, GetTrainee(d, req.principal(), id));
    return TraineeJson(t);
  });
  s.Get(R"(/training/trainees/(\d+)/pii/id_number)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(std::string plain, RevealIdNumber(d, req.principal(), id));
    return Json{{"id_number", plain}};
  });
  s.Post("/training/trainees", {true, "training:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(TraineeInput in, TraineeFrom(body));
           ASSIGN_OR_RETURN(Registered r, RegisterTrainee(d, req.principal(), in));
           reply.status = r.created ? 201 : 200;
           Json out = TraineeJson(r.trainee);
           out["created"] = r.created;
           return out;
         });
}

// The sign-in-sheet upload and its template. Its error workbooks are served by the shared
// `GET /imports/errors/{id}` (imports module): the importer (a trainer: their own uploads), or a
// holder of training:edit with the importer's region in scope.
void RegisterImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("training_attendance", "training:edit");
  s.Post("/training/attendance/import", {.permission = "training:import"},
         [d](Request& req, Reply&) -> Result<Json> {
           imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
           return imports::api::Upload(
               ctx, req, "training_attendance",
               [](const imports::ImportContext& c, const account::Principal& who,
                  const std::string& path, imports::Mode m, const imports::ImportOptions& o) {
                 return ImportAttendance(c, who, path, m, o);
               });
         });
  s.Get("/training/template", {}, [](Request&, Reply& r) -> Result<Json> {
    RETURN_IF_ERROR(http::XlsxReply(AttendanceTemplate(), "training-attendance-template.xlsx", r));
    return Json::object();
  });
}

Result<std::vector<ScoreInput>> ScoresFrom(const Json& body) {
  std::vector<ScoreInput> out;
  auto it = body.find("scores");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return Error::Invalid("scores", "scores 应为数组");
  for (const auto& e : *it) {
    if (!e.is_object()) return Error::Invalid("scores", "scores 的每一项应为对象");
    ScoreInput s;
    ASSIGN_OR_RETURN(s.trainee_id, http::BodyId(e, "trainee_id"));
    ASSIGN_OR_RETURN(auto score, http::BodyOptInt(e, "score"));
    if (score && (*score < 0 || *score > 100))
      return Error::Invalid("scores", "成绩应在 0 到 100 之间");
    if (score) s.score = static_cast<int>(*score);
    out.push_back(s);
  }
  return out;
}

Json CertificateJson(const Certificate& c) {
  return {{"code", c.code},
          {"name_masked", c.name_masked},
          {"course_title", c.course_title},
          {"level", c.level},
          {"level_label", c.level_label},
          {"session_name", c.session_name},
          {"starts_on", c.starts_on.ToString()},
          {"ends_on", c.ends_on.ToString()},
          {"qualified_on", c.qualified_on.ToString()},
          {"organiser_name", c.organiser_name}};
}

Json OutcomeJson(const Outcome& o) {
  return {{"id", o.id},
          {"trainee_id", o.trainee_id},
          {"kind", o.kind},
          {"kind_label", o.kind_label},
          {"happened_on", o.happened_on.ToString()},
          {"entity_id", http::OptIntJson(o.entity_id)},
          {"evidence", o.evidence},
          {"recorded_at", http::TimeJson(o.recorded_at)}};
}

void RegisterOutcomeRoutes(http::Server& s, const Deps& d) {
  s.Get(R"(/training/trainees/(\d+)/outcomes)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(auto list, Outcomes(d, req.principal(), id));
    Json out = Json::array();
    for (const auto& o : list) out.push_back(OutcomeJson(o));
    return out;
  });
  s.Post(R"(/training/trainees/(\d+)/outcomes)", {true, "training:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           OutcomeInput in;
           ASSIGN_OR_RETURN(in.kind, http::RequiredString(body, "kind"));
           ASSIGN_OR_RETURN(std::string on, http::RequiredString(body, "happened_on"));
           ASSIGN_OR_RETURN(in.happened_on, CivilDate::Parse(on, "happened_on"));
           ASSIGN_OR_RETURN(in.entity_id, http::BodyOptInt(body, "entity_id"));
           ASSIGN_OR_RETURN(auto evidence, http::OptionalString(body, "evidence"));
           in.evidence = evidence.value_or("");
           ASSIGN_OR_RETURN(Outcome o, RecordOutcome(d, req.principal(), id, in));
           reply.status = 201;
           return OutcomeJson(o);
         });
}

// Completion and the public certificate check (no login: anyone holding a certificate's code
// may confirm it; the name is masked and nothing else about the person is shown).
void RegisterResultRoutes(http::Server& s, const Deps& d) {
  s.Post(R"(/training/sessions/(\d+)/assess)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(auto scores, ScoresFrom(body));
    ASSIGN_OR_RETURN(Assessment a, Assess(d, req.principal(), id, scores));
    return Json{{"assessed", a.assessed}, {"qualified", a.qualified}};
  });
  s.Get("/public/certificates/([A-Za-z0-9]{1,32})", {.auth = false},
        [d](Request& req, Reply&) -> Result<Json> {
          auto conn = d.db.Acquire();
          ASSIGN_OR_RETURN(Certificate c, VerifyCertificate(*conn, req.Match(1)));
          return CertificateJson(c);
        });
}

}  // namespace

void RegisterTraineeRoutes(http::Server& s, const Deps& d) {
  RegisterResultRoutes(s, d);
  RegisterOutcomeRoutes(s, d);
  RegisterTraineeList(s, d);
  RegisterImportRoutes(s, d);
  s.Post(R"(/training/sessions/(\d+)/enrolments)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(auto ids, IdArray(body, "trainee_ids"));
    RETURN_IF_ERROR(Enrol(d, req.principal(), id, ids));
    ASSIGN_OR_RETURN(Session x, GetSession(d, req.principal(), id));
    return Json{{"enrolled", x.enrolled}, {"capacity", x.capacity}};
  });
  s.Get(R"(/training/sessions/(\d+)/attendance)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {"trainee_id", "name"}));
    ASSIGN_OR_RETURN(auto p, SessionAttendance(d, req.principal(), id, lp.page));
    return http::PageJson(p, lp.page, AttendanceJson);
  });
  s.Post(R"(/training/sessions/(\d+)/attendance)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(std::string day_text, http::RequiredString(body, "day"));
    ASSIGN_OR_RETURN(CivilDate day, CivilDate::Parse(day_text, "day"));
    ASSIGN_OR_RETURN(auto present, IdArray(body, "present"));
    ASSIGN_OR_RETURN(DayResult r, RecordDay(d, req.principal(), id, day, present));
    return Json{{"day", day.ToString()}, {"added", r.added}, {"removed", r.removed}};
  });
}

}  // namespace ruralec::training::api
