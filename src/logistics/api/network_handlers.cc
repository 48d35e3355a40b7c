#include "logistics/api/network_handlers.h"

#include "http/list.h"
#include "http/params.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// A JSON number or a decimal string, or null/absent.
Result<std::optional<std::string>> DecimalField(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (it->is_string()) {
    std::string v = it->get<std::string>();
    if (v.empty()) return std::optional<std::string>();
    return std::optional<std::string>(v);
  }
  if (it->is_number()) return std::optional<std::string>(it->dump());
  return Error::Invalid(field, field + " 应为数字");
}

Result<std::optional<Point>> PointFrom(const Json& body) {
  ASSIGN_OR_RETURN(auto lat, DecimalField(body, "lat"));
  ASSIGN_OR_RETURN(auto lng, DecimalField(body, "lng"));
  if (!lat && !lng) return std::optional<Point>();
  if (!lat) return Error::Invalid("lat", "经度和纬度须同时填写");
  if (!lng) return Error::Invalid("lng", "经度和纬度须同时填写");
  Point p;
  ASSIGN_OR_RETURN(p.lat_e6, ParseDegrees(*lat, 90, "lat"));
  ASSIGN_OR_RETURN(p.lng_e6, ParseDegrees(*lng, 180, "lng"));
  return std::optional<Point>(p);
}

Result<std::string> TextField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<std::optional<Hours>> HoursField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string v, TextField(body, field));
  if (v.empty()) return std::optional<Hours>();
  ASSIGN_OR_RETURN(Hours h, ParseHours(v, field));
  return std::optional<Hours>(h);
}

Result<bool> ActiveField(const Json& body) {
  ASSIGN_OR_RETURN(auto v, http::BodyOptBool(body, "active"));
  return v.value_or(true);
}

Result<RegionCode> RegionField(const Json& body, bool required) {
  ASSIGN_OR_RETURN(auto text, http::OptionalString(body, "region_code"));
  if (!text || text->empty()) {
    if (required) return Error::Invalid("region_code", "区划代码不能为空");
    return RegionCode();
  }
  auto code = RegionCode::Parse(*text);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + *text);
  return *code;
}

Result<std::vector<std::string>> ListField(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::vector<std::string>();
  return http::StringArray(body, field);
}

Result<std::vector<int64_t>> IdList(const Json& body, const std::string& field) {
  std::vector<int64_t> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  if (!body[field].is_array()) return Error::Invalid(field, field + " 应为编号数组");
  for (const auto& v : body[field]) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return Error::Invalid(field, field + " 应为正整数编号数组");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Result<NodeInput> NodeFrom(const Json& body) {
  NodeInput in;
  ASSIGN_OR_RETURN(in.region, RegionField(body, true));
  ASSIGN_OR_RETURN(std::string level, http::RequiredString(body, "level"));
  ASSIGN_OR_RETURN(in.level, ParseNodeLevel(level));
  ASSIGN_OR_RETURN(in.code, http::RequiredString(body, "code"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.address, TextField(body, "address"));
  ASSIGN_OR_RETURN(in.point, PointFrom(body));
  ASSIGN_OR_RETURN(in.hours, HoursField(body, "opening_hours"));
  ASSIGN_OR_RETURN(in.capacity_parcels, http::BodyOptInt(body, "capacity_parcels"));
  ASSIGN_OR_RETURN(in.carriers, ListField(body, "carriers"));
  ASSIGN_OR_RETURN(in.station_id, http::BodyOptInt(body, "station_id"));
  ASSIGN_OR_RETURN(in.active, ActiveField(body));
  return in;
}

Json OptInt(const std::optional<int64_t>& v) { return http::OptIntJson(v); }
Json HoursJson(const std::optional<Hours>& h) {
  return h ? Json(FormatClock(h->open_min) + "-" + FormatClock(h->close_min)) : Json(nullptr);
}

Json NodeJson(const Node& n) {
  return {{"id", n.id},
          {"region_code", n.region.str()},
          {"region_name", n.region_name},
          {"county_code", n.region.county().str()},
          {"level", NodeLevelName(n.level)},
          {"level_label", NodeLevelLabel(n.level)},
          {"code", n.code},
          {"name", n.name},
          {"address", n.address},
          {"lat", n.point ? Json(FormatDegrees(n.point->lat_e6)) : Json(nullptr)},
          {"lng", n.point ? Json(FormatDegrees(n.point->lng_e6)) : Json(nullptr)},
          {"opening_hours", HoursJson(n.hours)},
          {"capacity_parcels", OptInt(n.capacity_parcels)},
          {"carriers", n.carriers},
          {"station_id", OptInt(n.station_id)},
          {"station_name", n.station_name},
          {"active", n.active},
          {"created_at", http::TimeJson(n.created_at)},
          {"updated_at", http::TimeJson(n.updated_at)}};
}

Result<VehicleInput> VehicleFrom(const Json& body) {
  VehicleInput in;
  ASSIGN_OR_RETURN(in.region, RegionField(body, false));
  ASSIGN_OR_RETURN(in.plate, http::RequiredString(body, "plate"));
  ASSIGN_OR_RETURN(in.owner, TextField(body, "owner"));
  ASSIGN_OR_RETURN(in.capacity_parcels, http::BodyOptInt(body, "capacity_parcels"));
  ASSIGN_OR_RETURN(in.capacity_kg, http::BodyOptInt(body, "capacity_kg"));
  ASSIGN_OR_RETURN(in.capacity_litres, http::BodyOptInt(body, "capacity_litres"));
  ASSIGN_OR_RETURN(auto cold, http::BodyOptBool(body, "cold"));
  in.cold = cold.value_or(false);
  ASSIGN_OR_RETURN(in.shift, HoursField(body, "shift"));
  ASSIGN_OR_RETURN(in.home_node_id, http::BodyOptInt(body, "home_node_id"));
  ASSIGN_OR_RETURN(in.active, ActiveField(body));
  return in;
}

Json VehicleJson(const Vehicle& v) {
  return {{"id", v.id},
          {"region_code", v.region.str()},
          {"plate", v.plate},
          {"owner", v.owner},
          {"capacity_parcels", OptInt(v.capacity_parcels)},
          {"capacity_kg", OptInt(v.capacity_kg)},
          {"capacity_litres", OptInt(v.capacity_litres)},
          {"cold", v.cold},
          {"shift", HoursJson(v.shift)},
          {"home_node_id", OptInt(v.home_node_id)},
          {"active", v.active},
          {"created_at", http::TimeJson(v.created_at)},
          {"updated_at", http::TimeJson(v.updated_at)}};
}

Result<std::string> WeekdaysField(const Json& body) {
  auto it = body.find("weekdays");
  if (it == body.end() || it->is_null()) return Error::Invalid("weekdays", "班次不能为空");
  if (it->is_string()) return it->get<std::string>();
  if (!it->is_array()) return Error::Invalid("weekdays", "班次应为星期几的数字数组，如 [1,3,5]");
  std::string text;
  for (const auto& v : *it) {
    if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 7)
      return Error::Invalid("weekdays", "班次应为星期几的数字 1-7（周一为1）");
    text += static_cast<char>('0' + v.get<int64_t>());
  }
  return text;
}

Result<LineInput> LineFrom(const Json& body) {
  LineInput in;
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(in.kind, ParseLineKind(kind));
  ASSIGN_OR_RETURN(in.code, http::RequiredString(body, "code"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.from_node_id, http::BodyId(body, "from_node_id"));
  ASSIGN_OR_RETURN(in.stop_node_ids, IdList(body, "stop_node_ids"));
  ASSIGN_OR_RETURN(in.weekdays, WeekdaysField(body));
  ASSIGN_OR_RETURN(std::string dep, TextField(body, "departure"));
  if (!dep.empty()) {
    ASSIGN_OR_RETURN(int m, ParseClock(dep, "departure"));
    in.departure_min = m;
  }
  ASSIGN_OR_RETURN(in.vehicle_id, http::BodyOptInt(body, "vehicle_id"));
  ASSIGN_OR_RETURN(in.active, ActiveField(body));
  return in;
}

Json LineJson(const Line& l) {
  Json stops = Json::array();
  for (const auto& s : l.stops)
    stops.push_back({{"node_id", s.node_id},
                     {"code", s.code},
                     {"name", s.name},
                     {"level", NodeLevelName(s.level)}});
  return {{"id", l.id},
          {"region_code", l.region.str()},
          {"kind", LineKindName(l.kind)},
          {"kind_label", LineKindLabel(l.kind)},
          {"code", l.code},
          {"name", l.name},
          {"from_node_id", l.from_node_id},
          {"from_node_name", l.from_node_name},
          {"stops", stops},
          {"weekdays", l.weekdays},
          {"days_per_week", l.days_per_week()},
          {"departure", l.departure_min ? Json(FormatClock(*l.departure_min)) : Json(nullptr)},
          {"vehicle_id", OptInt(l.vehicle_id)},
          {"active", l.active},
          {"created_at", http::TimeJson(l.created_at)},
          {"updated_at", http::TimeJson(l.updated_at)}};
}

Result<NodeFilter> NodeFilterFrom(const Request& req, const RegionCode& scope) {
  NodeFilter f;
  f.region = scope;
  if (std::string l = req.Query("level"); !l.empty()) {
    ASSIGN_OR_RETURN(f.level, ParseNodeLevel(l));
  }
  f.carrier = req.Query("carrier");
  f.q = req.Query("q");
  ASSIGN_OR_RETURN(f.active, http::QueryOptBool(req, "active"));
  return f;
}

Result<LineFilter> LineFilterFrom(const Request& req, const RegionCode& scope) {
  LineFilter f;
  f.region = scope;
  if (std::string k = req.Query("kind"); !k.empty()) {
    ASSIGN_OR_RETURN(f.kind, ParseLineKind(k));
  }
  ASSIGN_OR_RETURN(f.node_id, http::QueryOptInt(req, "node_id"));
  f.q = req.Query("q");
  return f;
}

constexpr const char* kRead = "logistics:network:read";
constexpr const char* kEdit = "logistics:network:edit";

void RegisterNodeRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<Node>(
      s, "/logistics/nodes", {.permission = kRead}, {"code", "id", "name", "region_code", "level"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Node>> {
        ASSIGN_OR_RETURN(NodeFilter f, NodeFilterFrom(req, lp.scope));
        return ListNodes(d, req.principal(), f, lp.page);
      },
      NodeJson);
  s.Get(R"(/logistics/nodes/(\d+))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Node n, GetNode(d, req.principal(), id));
          return NodeJson(n);
        });
  s.Post("/logistics/nodes", {.permission = kEdit},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(NodeInput in, NodeFrom(body));
           ASSIGN_OR_RETURN(Node n, CreateNode(d, req.principal(), in));
           reply.status = 201;
           return NodeJson(n);
         });
  s.Put(R"(/logistics/nodes/(\d+))", {.permission = kEdit},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(NodeInput in, NodeFrom(body));
          ASSIGN_OR_RETURN(Node n, UpdateNode(d, req.principal(), id, in));
          return NodeJson(n);
        });
}

void RegisterVehicleRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<Vehicle>(
      s, "/logistics/vehicles", {.permission = kRead}, {"plate", "id"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Vehicle>> {
        return ListVehicles(d, req.principal(), lp.scope, req.Query("q"), lp.page);
      },
      VehicleJson);
  s.Get(R"(/logistics/vehicles/(\d+))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Vehicle v, GetVehicle(d, req.principal(), id));
          return VehicleJson(v);
        });
  s.Post("/logistics/vehicles", {.permission = kEdit},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(VehicleInput in, VehicleFrom(body));
           ASSIGN_OR_RETURN(Vehicle v, CreateVehicle(d, req.principal(), in));
           reply.status = 201;
           return VehicleJson(v);
         });
  s.Put(R"(/logistics/vehicles/(\d+))", {.permission = kEdit},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(VehicleInput in, VehicleFrom(body));
          ASSIGN_OR_RETURN(Vehicle v, UpdateVehicle(d, req.principal(), id, in));
          return VehicleJson(v);
        });
}

void RegisterLineRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<Line>(
      s, "/logistics/lines", {.permission = kRead}, {"code", "id", "name"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Line>> {
        ASSIGN_OR_RETURN(LineFilter f, LineFilterFrom(req, lp.scope));
        return ListLines(d, req.principal(), f, lp.page);
      },
      LineJson);
  s.Get(R"(/logistics/lines/(\d+))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Line l, GetLine(d, req.principal(), id));
          return LineJson(l);
        });
  s.Post("/logistics/lines", {.permission = kEdit},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(LineInput in, LineFrom(body));
           ASSIGN_OR_RETURN(Line l, CreateLine(d, req.principal(), in));
           reply.status = 201;
           return LineJson(l);
         });
  s.Put(R"(/logistics/lines/(\d+))", {.permission = kEdit},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(LineInput in, LineFrom(body));
          ASSIGN_OR_RETURN(Line l, UpdateLine(d, req.principal(), id, in));
          return LineJson(l);
        });
}

}  // namespace

void RegisterNetworkRoutes(http::Server& s, const Deps& d) {
  RegisterNodeRoutes(s, d);
  RegisterVehicleRoutes(s, d);
  RegisterLineRoutes(s, d);
}

}  // namespace ruralec::logistics::api
