// Courses, sessions and dictionaries over HTTP.
#include "training/api/training_handlers.h"

#include "attachments/api/file_routes.h"
#include "http/list.h"
#include "http/params.h"
#include "training/files.h"

namespace ruralec::training::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<std::vector<std::string>> ListField(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::vector<std::string>();
  return http::StringArray(body, field);
}

Result<std::string> TextField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<RegionCode> RegionField(const Json& body, bool required) {
  ASSIGN_OR_RETURN(std::string text, TextField(body, "region_code"));
  if (text.empty() && !required) return RegionCode();
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + text);
  return *code;
}

Result<CourseInput> CourseFrom(const Json& body) {
  CourseInput in;
  ASSIGN_OR_RETURN(in.region, RegionField(body, true));
  ASSIGN_OR_RETURN(in.title, http::RequiredString(body, "title"));
  ASSIGN_OR_RETURN(in.level, http::RequiredString(body, "level"));
  ASSIGN_OR_RETURN(in.tags, ListField(body, "tags"));
  ASSIGN_OR_RETURN(in.audiences, ListField(body, "audiences"));
  ASSIGN_OR_RETURN(std::string kind, TextField(body, "organiser_kind"));
  if (!kind.empty()) in.organiser_kind = kind;
  ASSIGN_OR_RETURN(in.organiser_entity_id, http::BodyOptInt(body, "organiser_entity_id"));
  ASSIGN_OR_RETURN(in.organiser_name, TextField(body, "organiser_name"));
  ASSIGN_OR_RETURN(in.funding, TextField(body, "funding"));
  ASSIGN_OR_RETURN(auto pct, http::BodyOptInt(body, "min_attendance_percent"));
  if (pct) {
    if (*pct < 0 || *pct > 100)
      return Error::Invalid("min_attendance_percent", "合格出勤率应在 0 到 100 之间");
    in.min_attendance_bp = static_cast<int>(*pct * 100);
  }
  ASSIGN_OR_RETURN(auto score, http::BodyOptInt(body, "min_score"));
  if (score) {
    if (*score < 0 || *score > 100)
      return Error::Invalid("min_score", "合格分数应在 0 到 100 之间");
    in.min_score = static_cast<int>(*score);
  }
  return in;
}

Json CourseJson(const Course& c) {
  return {{"id", c.id},
          {"region_code", c.region.str()},
          {"region_name", c.region_name},
          {"title", c.title},
          {"level", c.level},
          {"level_label", c.level_label},
          {"tags", c.tags},
          {"audiences", c.audiences},
          {"organiser_kind", c.organiser_kind},
          {"organiser_entity_id", http::OptIntJson(c.organiser_entity_id)},
          {"organiser_name", c.organiser_name},
          {"funding", c.funding},
          {"min_attendance_percent", c.min_attendance_bp / 100.0},
          {"min_score", c.min_score ? Json(*c.min_score) : Json(nullptr)},
          {"sessions", c.sessions},
          {"created_at", http::TimeJson(c.created_at)},
          {"updated_at", http::TimeJson(c.updated_at)}};
}

Result<CivilDate> DateField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string text, http::RequiredString(body, field));
  return CivilDate::Parse(text, field);
}

Result<SessionInput> SessionFrom(const Json& body, bool need_course) {
  SessionInput in;
  if (need_course) {
    ASSIGN_OR_RETURN(in.course_id, http::BodyId(body, "course_id"));
  }
  ASSIGN_OR_RETURN(in.region, RegionField(body, false));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.starts_on, DateField(body, "starts_on"));
  ASSIGN_OR_RETURN(in.ends_on, DateField(body, "ends_on"));
  ASSIGN_OR_RETURN(in.place, TextField(body, "place"));
  ASSIGN_OR_RETURN(in.syllabus, TextField(body, "syllabus"));
  ASSIGN_OR_RETURN(auto cap, http::BodyOptInt(body, "capacity"));
  if (cap) {
    if (*cap < 1 || *cap > 10000) return Error::Invalid("capacity", "容纳人数应在 1 到 10000 之间");
    in.capacity = static_cast<int>(*cap);
  }
  ASSIGN_OR_RETURN(in.trainers, ListField(body, "trainers"));
  return in;
}

Json SessionJson(const Session& s) {
  Json trainers = Json::array();
  for (const auto& t : s.trainers)
    trainers.push_back(
        {{"user_id", t.user_id}, {"username", t.username}, {"display_name", t.display_name}});
  return {{"id", s.id},
          {"course_id", s.course_id},
          {"course_title", s.course_title},
          {"level", s.level},
          {"region_code", s.region.str()},
          {"region_name", s.region_name},
          {"name", s.name},
          {"starts_on", s.starts_on.ToString()},
          {"ends_on", s.ends_on.ToString()},
          {"place", s.place},
          {"syllabus", s.syllabus},
          {"capacity", s.capacity},
          {"enrolled", s.enrolled},
          {"trainers", trainers},
          {"created_at", http::TimeJson(s.created_at)},
          {"updated_at", http::TimeJson(s.updated_at)}};
}

Result<std::optional<CivilDate>> QueryDate(const Request& req, const std::string& name) {
  std::string t = req.Query(name);
  if (t.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(t, name));
  return std::optional<CivilDate>(d);
}

Result<std::string> DictName(const Request& req) {
  std::string m = req.Match(1);
  if (m == "levels" || m == "tags" || m == "audiences") return "training_" + m;
  return Error::NotFound("字典不存在");
}

void RegisterDictRoutes(http::Server& s, const Deps& d) {
  s.Get("/training/dicts/([a-z]+)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(std::string dict, DictName(req));
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(auto values, DictValues(*conn, req.principal().region.county(), dict));
    Json out = Json::array();
    for (const auto& e : values) {
      if (e.disabled) continue;  // disabled in 字典管理: no new choice
      out.push_back({{"value", e.value}, {"label", e.label}, {"builtin", e.builtin}});
    }
    return out;
  });
  s.Post("/training/dicts/([a-z]+)", {true, "training:dict:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(std::string dict, DictName(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           DictValue v;
           ASSIGN_OR_RETURN(v.value, http::RequiredString(body, "value"));
           ASSIGN_OR_RETURN(v.label, http::RequiredString(body, "label"));
           v.builtin = false;
           RETURN_IF_ERROR(AddDictValue(d, req.principal(), dict, v));
           reply.status = 201;
           return Json{{"value", v.value}, {"label", v.label}, {"builtin", false}};
         });
}

void RegisterCourseRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<Course>(
      s, "/training/courses", {}, {"id", "title"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Course>> {
        CourseFilter f{req.Query("level"), req.Query("tag"), req.Query("q")};
        return ListCourses(d, req.principal(), f, lp.page);
      },
      CourseJson);
  s.Get(R"(/training/courses/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Course c, GetCourse(d, req.principal(), id));
    return CourseJson(c);
  });
  s.Post("/training/courses", {true, "training:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(CourseInput in, CourseFrom(body));
           ASSIGN_OR_RETURN(Course c, CreateCourse(d, req.principal(), in));
           reply.status = 201;
           return CourseJson(c);
         });
  s.Put(R"(/training/courses/(\d+))", {true, "training:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(CourseInput in, CourseFrom(body));
          ASSIGN_OR_RETURN(Course c, UpdateCourse(d, req.principal(), id, in));
          return CourseJson(c);
        });
}

void RegisterSessionRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<Session>(
      s, "/training/sessions", {}, {"starts_on", "id"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Session>> {
        SessionFilter f;
        ASSIGN_OR_RETURN(f.course_id, http::QueryOptInt(req, "course_id"));
        ASSIGN_OR_RETURN(f.from, QueryDate(req, "from"));
        ASSIGN_OR_RETURN(f.to, QueryDate(req, "to"));
        return ListSessions(d, req.principal(), f, lp.page);
      },
      SessionJson);
  s.Get(R"(/training/sessions/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Session x, GetSession(d, req.principal(), id));
    return SessionJson(x);
  });
  s.Post("/training/sessions", {true, "training:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(SessionInput in, SessionFrom(body, true));
           ASSIGN_OR_RETURN(Session x, CreateSession(d, req.principal(), in));
           reply.status = 201;
           return SessionJson(x);
         });
  s.Put(R"(/training/sessions/(\d+))", {true, "training:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(SessionInput in, SessionFrom(body, false));
          ASSIGN_OR_RETURN(Session x, UpdateSession(d, req.principal(), id, in));
          return SessionJson(x);
        });
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterDictRoutes(s, d);
  RegisterCourseRoutes(s, d);
  RegisterSessionRoutes(s, d);
  RegisterTraineeRoutes(s, d);
  RegisterFollowUpRoutes(s, d);
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/training/sessions", "training", "session", "", "training:evidence",
                              FileSlots(), FileAccess, "training_session", "training.file"});
}

}  // namespace ruralec::training::api
