#include "station/api/station_handlers.h"

#include "attachments/api/file_routes.h"
#include "http/params.h"
#include "http/status_history.h"
#include "station/files.h"

namespace ruralec::station::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
template <typename T>
Json Opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// A JSON number or a decimal string, or null/absent.
Result<std::optional<std::string>> DecimalField(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (it->is_string()) return std::optional<std::string>(it->get<std::string>());
  if (it->is_number()) return std::optional<std::string>(it->dump());
  return Error::Invalid(field, field + " 应为数字");
}

Result<std::optional<Point>> PointFrom(const Json& body) {
  ASSIGN_OR_RETURN(auto lat, DecimalField(body, "lat"));
  ASSIGN_OR_RETURN(auto lng, DecimalField(body, "lng"));
  if (lat && lat->empty()) lat.reset();
  if (lng && lng->empty()) lng.reset();
  if (!lat && !lng) return std::optional<Point>();
  if (!lat) return Error::Invalid("lat", "经度和纬度须同时填写");
  if (!lng) return Error::Invalid("lng", "经度和纬度须同时填写");
  Point p;
  ASSIGN_OR_RETURN(p.lat_e6, ParseDegrees(*lat, 90, "lat"));
  ASSIGN_OR_RETURN(p.lng_e6, ParseDegrees(*lng, 180, "lng"));
  return std::optional<Point>(p);
}

Result<std::vector<std::string>> ListField(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::vector<std::string>();
  return http::StringArray(body, field);
}

Result<std::string> TextField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<StationInput> InputFrom(const Json& body) {
  StationInput in;
  ASSIGN_OR_RETURN(std::string region, http::RequiredString(body, "region_code"));
  auto code = RegionCode::Parse(region);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
  in.region = *code;
  ASSIGN_OR_RETURN(std::string level, http::RequiredString(body, "level"));
  ASSIGN_OR_RETURN(in.level, ParseLevel(level));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.address, TextField(body, "address"));
  ASSIGN_OR_RETURN(in.point, PointFrom(body));
  ASSIGN_OR_RETURN(in.manager_name, TextField(body, "manager_name"));
  ASSIGN_OR_RETURN(in.mobile, TextField(body, "mobile"));
  if (body.contains("operator_entity_id") && !body["operator_entity_id"].is_null()) {
    if (!body["operator_entity_id"].is_number_integer())
      return Error::Invalid("operator_entity_id", "operator_entity_id 应为整数");
    in.operator_entity_id = body["operator_entity_id"].get<int64_t>();
  }
  ASSIGN_OR_RETURN(in.agreement_no, TextField(body, "agreement_no"));
  ASSIGN_OR_RETURN(in.build_kind, TextField(body, "build_kind"));
  ASSIGN_OR_RETURN(in.built_on, http::BodyOptDate(body, "built_on"));
  ASSIGN_OR_RETURN(in.online_on, http::BodyOptDate(body, "online_on"));
  ASSIGN_OR_RETURN(in.facilities, ListField(body, "facilities"));
  ASSIGN_OR_RETURN(in.services, ListField(body, "services"));
  ASSIGN_OR_RETURN(in.carriers, ListField(body, "carriers"));
  return in;
}

Result<NewStatus> StatusFrom(const Json& body, const std::string& date_field,
                             std::optional<CivilDate> today) {
  return http::NewStatusFrom<StationStatus>(body, date_field, today, ParseStatus);
}

Json HistoryJson(const std::vector<StatusChange>& changes) {
  return http::StatusHistoryJson(changes, StatusName, StatusLabel);
}

Result<Filter> FilterFrom(const Request& req) {
  Filter f;
  if (std::string r = req.Query("region_code"); !r.empty()) {
    auto code = RegionCode::Parse(r);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + r);
    f.region = *code;
  }
  if (std::string l = req.Query("level"); !l.empty()) {
    ASSIGN_OR_RETURN(f.level, ParseLevel(l));
  }
  if (std::string s = req.Query("status"); !s.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseStatus(s));
  }
  f.service = req.Query("service");
  f.facility = req.Query("facility");
  f.q = req.Query("q");
  for (const std::string* v : {&f.service, &f.facility}) {
    if (v->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
      return Error::Invalid(v == &f.service ? "service" : "facility", "字典代码无效");
  }
  return f;
}

Result<std::string> DictName(const Request& req) {
  std::string m = req.Match(1);
  if (m == "facilities") return std::string("station_facilities");
  if (m == "services") return std::string("station_services");
  if (m == "items") return std::string("station_record_items");
  return Error::NotFound("字典不存在");
}

void RegisterDictRoutes(http::Server& s, const Deps& d) {
  s.Get("/stations/dicts/([a-z]+)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(std::string dict, DictName(req));
    ASSIGN_OR_RETURN(View v, ViewOf(req.principal()));
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(auto values, DictValues(*conn, v.region.county(), dict));
    Json out = Json::array();
    for (const auto& e : values) {
      if (e.disabled) continue;  // disabled in 字典管理: no new choice
      out.push_back({{"value", e.value}, {"label", e.label}, {"builtin", e.builtin}});
    }
    return out;
  });
  s.Post("/stations/dicts/([a-z]+)", {true, "station:dict:edit"},
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

}  // namespace

Json StationJson(const Station& s) {
  return {{"id", s.id},
          {"region_code", s.region.str()},
          {"region_name", s.region_name},
          {"county_code", s.region.county().str()},
          {"level", LevelName(s.level)},
          {"level_label", LevelLabel(s.level)},
          {"name", s.name},
          {"address", s.address},
          {"lat", s.point ? Json(FormatDegrees(s.point->lat_e6)) : Json(nullptr)},
          {"lng", s.point ? Json(FormatDegrees(s.point->lng_e6)) : Json(nullptr)},
          {"manager_name", s.manager_name},
          {"mobile_masked", Opt(s.mobile_masked)},
          {"operators", s.operator_usernames},
          {"operator_entity_id", Opt(s.operator_entity_id)},
          {"agreement_no", s.agreement_no},
          {"build_kind", s.build_kind},
          {"built_on", OptDate(s.built_on)},
          {"online_on", OptDate(s.online_on)},
          {"facilities", s.facilities},
          {"services", s.services},
          {"carriers", s.carriers},
          {"status", StatusName(s.status)},
          {"status_label", StatusLabel(s.status)},
          {"status_since", s.status_since.ToString()},
          {"batch_id", Opt(s.batch_id)},
          {"created_at", http::TimeJson(s.created_at)},
          {"updated_at", http::TimeJson(s.updated_at)}};
}

void RegisterRoutes(http::Server& s, const Deps& d) {
  s.Get("/stations", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req));
    ASSIGN_OR_RETURN(Page<Station> p, List(d, req.principal(), f, page));
    Json items = Json::array();
    for (const auto& st : p.items) items.push_back(StationJson(st));
    return http::PageJson(p.total, page, std::move(items));
  });
  s.Get("/stations/(\\d+)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Station st, Get(d, req.principal(), id));
    ASSIGN_OR_RETURN(auto history, History(d, req.principal(), id));
    Json out = StationJson(st);
    out["history"] = HistoryJson(history);
    return out;
  });
  s.Post("/stations", {true, "station:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(StationInput in, InputFrom(body));
    std::optional<NewStatus> initial;
    if (body.contains("status") && !body["status"].is_null()) {
      ASSIGN_OR_RETURN(initial, StatusFrom(body, "status_date", ShanghaiDate(d.clock.NowMs())));
    }
    ASSIGN_OR_RETURN(Station st, Register(d, req.principal(), in, initial));
    reply.status = 201;
    return StationJson(st);
  });
  s.Put("/stations/(\\d+)", {true, "station:edit"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(StationInput in, InputFrom(body));
    ASSIGN_OR_RETURN(Station st, Update(d, req.principal(), id, in));
    return StationJson(st);
  });
  s.Post("/stations/(\\d+)/status", {true, "station:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(NewStatus c, StatusFrom(body, "date", std::nullopt));
           ASSIGN_OR_RETURN(Station st, ChangeStatus(d, req.principal(), id, c));
           ASSIGN_OR_RETURN(auto history, History(d, req.principal(), id));
           Json out = StationJson(st);
           out["history"] = HistoryJson(history);
           return out;
         });
  RegisterDictRoutes(s, d);
  RegisterRecordRoutes(s, d);
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/stations", "station", "station", "", "station:file:add",
                              FileSlots(), FileAccess, "station", "station.file"});
  RegisterAssessmentRoutes(s, d);
}

}  // namespace ruralec::station::api
