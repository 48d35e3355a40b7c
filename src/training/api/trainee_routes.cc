// Trainees, enrolments and attendance over HTTP.
#include "http/list.h"
#include "http/params.h"
#include "training/api/training_handlers.h"

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

}  // namespace

void RegisterTraineeRoutes(http::Server& s, const Deps& d) {
  RegisterTraineeList(s, d);
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
