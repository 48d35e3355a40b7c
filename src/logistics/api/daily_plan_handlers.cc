#include "logistics/api/daily_plan_handlers.h"

#include <algorithm>

#include "http/list.h"
#include "http/params.h"
#include "logistics/daily_plan.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

constexpr double kMaxTimeLimit = 20;

Json OptInt(const std::optional<int64_t>& v) { return http::OptIntJson(v); }

std::string ClockText(int64_t seconds) {
  return FormatClock(static_cast<int>(std::clamp<int64_t>(seconds / 60, 0, 48 * 60)));
}

Json OptClock(const std::optional<int64_t>& s) { return s ? Json(ClockText(*s)) : Json(nullptr); }

Json WaybillsJson(const std::vector<WaybillRef>& refs) {
  Json out = Json::array();
  for (const auto& w : refs)
    out.push_back({{"id", w.id}, {"carrier", w.carrier}, {"waybill_no", w.waybill_no}});
  return out;
}

Json StopJson(const PlanStop& s) {
  return {{"id", s.id},
          {"route_id", OptInt(s.route_id)},
          {"seq", s.seq},
          {"depot_node_id", s.depot_node_id},
          {"node_id", s.node_id},
          {"node_code", s.node_code},
          {"node_name", s.node_name},
          {"region_code", s.region.str()},
          {"region_name", s.region_name},
          {"lat", s.point ? Json(FormatDegrees(s.point->lat_e6)) : Json(nullptr)},
          {"lng", s.point ? Json(FormatDegrees(s.point->lng_e6)) : Json(nullptr)},
          {"opening_hours",
           s.hours ? Json(FormatClock(s.hours->open_min) + "-" + FormatClock(s.hours->close_min))
                   : Json(nullptr)},
          {"parcels", s.parcels},
          {"pickup_pieces", s.pickup_pieces},
          {"pickup_kg", s.pickup_kg},
          {"cold", s.cold},
          {"waybill_ids", s.waybill_ids},
          {"pickup_ids", s.pickup_ids},
          {"arrival", OptClock(s.arrival_s)},
          {"reason", s.reason},
          {"waybills", WaybillsJson(s.waybills)},
          {"confirmed_at", http::OptTimeJson(s.confirmed_at)}};
}

Json RouteJson(const PlanRoute& r) {
  Json stops = Json::array();
  int64_t parcels = 0, pieces = 0;
  for (const auto& s : r.stops) {
    stops.push_back(StopJson(s));
    parcels += s.parcels;
    pieces += s.pickup_pieces;
  }
  return {{"id", r.id},
          {"seq", r.seq},
          {"vehicle_id", r.vehicle_id},
          {"plate", r.plate},
          {"cold_vehicle", r.cold_vehicle},
          {"depot_node_id", r.depot_node_id},
          {"depot_name", r.depot_name},
          {"locked", r.locked},
          {"distance_m", r.distance_m},
          {"departure", ClockText(r.departure_s)},
          {"return", ClockText(r.return_s)},
          {"parcels", parcels},
          {"pickup_pieces", pieces},
          {"stops", stops}};
}

Json PlanHeaderJson(const DailyPlan& p) {
  return {{"id", p.id},
          {"region_code", p.region.str()},
          {"date", p.date.ToString()},
          {"status", p.status},
          {"road_factor", static_cast<double>(p.road_factor_permille) / 1000.0},
          {"speed_kmh", p.speed_kmh},
          {"parcels", p.parcels},
          {"pickups", p.pickups},
          {"created_at", http::TimeJson(p.created_at)},
          {"updated_at", http::TimeJson(p.updated_at)},
          {"published_at", http::OptTimeJson(p.published_at)}};
}

Json PlanJson(const DailyPlan& p) {
  Json j = PlanHeaderJson(p);
  Json routes = Json::array(), unassigned = Json::array();
  for (const auto& r : p.routes) routes.push_back(RouteJson(r));
  for (const auto& s : p.unassigned) unassigned.push_back(StopJson(s));
  j["routes"] = routes;
  j["unassigned"] = unassigned;
  return j;
}

Json PickupJson(const Pickup& p) {
  return {{"id", p.id},
          {"region_code", p.region.str()},
          {"node_id", p.node_id},
          {"node_name", p.node_name},
          {"date", p.date.ToString()},
          {"pieces", p.pieces},
          {"kg", p.kg},
          {"cold", p.cold},
          {"note", p.note},
          {"status", p.status},
          {"plan_id", OptInt(p.plan_id)},
          {"created_at", http::TimeJson(p.created_at)}};
}

Result<CivilDate> RequiredDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto d, http::BodyOptDate(body, field));
  if (!d) return Error::Invalid(field, "日期不能为空");
  return *d;
}

Result<std::optional<CivilDate>> QueryOptDate(const Request& req, const std::string& name) {
  const std::string t = req.Query(name);
  if (t.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(t, name));
  return std::optional<CivilDate>(d);
}

Result<RegionCode> BodyRegion(const Json& body) {
  ASSIGN_OR_RETURN(auto text, http::OptionalString(body, "region_code"));
  if (!text || text->empty()) return RegionCode();
  auto code = RegionCode::Parse(*text);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + *text);
  return *code;
}

Result<PlanOptions> OptionsFrom(const Json& body) {
  PlanOptions o;
  if (!body.contains("options") || body["options"].is_null()) return o;
  const Json& j = body["options"];
  if (!j.is_object()) return Error::Invalid("options", "应为对象");
  if (j.contains("time_limit_seconds")) {
    if (!j["time_limit_seconds"].is_number())
      return Error::Invalid("options.time_limit_seconds", "应为数字");
    o.time_limit_seconds = j["time_limit_seconds"].get<double>();
    if (!(o.time_limit_seconds > 0 && o.time_limit_seconds <= kMaxTimeLimit))
      return Error::Invalid("options.time_limit_seconds", "求解时限应大于 0 且不超过 20 秒");
  }
  ASSIGN_OR_RETURN(auto iters, http::BodyOptInt(j, "max_iterations"));
  if (iters && (*iters < 0 || *iters > 1'000'000))
    return Error::Invalid("max_iterations", "迭代次数应在 0 到 1000000 之间");
  if (iters) o.max_iterations = *iters;
  ASSIGN_OR_RETURN(auto seed, http::BodyOptInt(j, "seed"));
  if (seed && *seed < 0) return Error::Invalid("seed", "随机种子应为非负整数");
  if (seed) o.seed = static_cast<uint64_t>(*seed);
  return o;
}

Result<Json> CreatePlan(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(CivilDate date, RequiredDate(body, "date"));
  ASSIGN_OR_RETURN(RegionCode region, BodyRegion(body));
  ASSIGN_OR_RETURN(PlanOptions o, OptionsFrom(body));
  ASSIGN_OR_RETURN(DailyPlan p, CreateDailyPlan(d, req.principal(), region, date, o));
  reply.status = 201;
  return PlanJson(p);
}

Result<Json> Move(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
  ASSIGN_OR_RETURN(int64_t sid, http::PathId(req, 2, "stop_id"));
  ASSIGN_OR_RETURN(Json body, req.Body());
  std::optional<int64_t> route;
  if (body.contains("route_id") && !body["route_id"].is_null()) {
    ASSIGN_OR_RETURN(int64_t r, http::BodyId(body, "route_id"));
    route = r;
  }
  ASSIGN_OR_RETURN(auto pos, http::BodyOptInt(body, "position"));
  if (pos && (*pos < 1 || *pos > 10'000)) return Error::Invalid("position", "位置应为正整数");
  std::optional<int> position;
  if (pos) position = static_cast<int>(*pos);
  ASSIGN_OR_RETURN(DailyPlan p, MoveStop(d, req.principal(), id, sid, route, position));
  return PlanJson(p);
}

Result<Json> Lock(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
  ASSIGN_OR_RETURN(int64_t rid, http::PathId(req, 2, "route_id"));
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(auto locked, http::BodyOptBool(body, "locked"));
  if (!locked) return Error::Invalid("locked", "请指定 locked: true 或 false");
  ASSIGN_OR_RETURN(DailyPlan p, LockRoute(d, req.principal(), id, rid, *locked));
  return PlanJson(p);
}

Result<std::vector<int64_t>> IdArray(const Json& body, const std::string& field) {
  std::vector<int64_t> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  if (!body[field].is_array()) return Error::Invalid(field, "应为编号数组");
  for (const auto& v : body[field]) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return Error::Invalid(field, "应为正整数编号数组");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Result<Json> Confirm(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
  ASSIGN_OR_RETURN(int64_t sid, http::PathId(req, 2, "stop_id"));
  ASSIGN_OR_RETURN(Json body, req.Body());
  StopConfirmation c;
  ASSIGN_OR_RETURN(c.client_key, http::RequiredString(body, "client_key"));
  ASSIGN_OR_RETURN(auto at, http::OptionalString(body, "confirmed_at"));
  c.confirmed_at = at.value_or("");
  ASSIGN_OR_RETURN(c.problem_waybill_ids, IdArray(body, "problem_waybill_ids"));
  ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "problem_reason"));
  c.problem_reason = reason.value_or("");
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  c.note = note.value_or("");
  ASSIGN_OR_RETURN(auto picked, http::BodyOptBool(body, "picked_up"));
  c.picked_up = picked.value_or(true);
  ASSIGN_OR_RETURN(ConfirmOutcome o, ConfirmStop(d, req.principal(), id, sid, c));
  reply.status = o.duplicate ? 200 : 201;
  return Json{{"duplicate", o.duplicate},
              {"confirmation_id", o.confirmation_id},
              {"stop_id", o.stop_id},
              {"outcome", o.outcome},
              {"signed", o.signed_count},
              {"problems", o.problems},
              {"pickups_collected", o.pickups_collected}};
}

Result<Json> NewPickup(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  PickupInput in;
  ASSIGN_OR_RETURN(in.node_id, http::BodyId(body, "node_id"));
  ASSIGN_OR_RETURN(in.date, RequiredDate(body, "date"));
  ASSIGN_OR_RETURN(auto pieces, http::BodyOptInt(body, "pieces"));
  ASSIGN_OR_RETURN(auto kg, http::BodyOptInt(body, "kg"));
  ASSIGN_OR_RETURN(auto cold, http::BodyOptBool(body, "cold"));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.pieces = pieces.value_or(0);
  in.kg = kg.value_or(0);
  in.cold = cold.value_or(false);
  in.note = note.value_or("");
  ASSIGN_OR_RETURN(Pickup p, CreatePickup(d, req.principal(), in));
  reply.status = 201;
  return PickupJson(p);
}

}  // namespace

void RegisterDailyPlanRoutes(http::Server& s, const Deps& d) {
  constexpr const char* kRead = "logistics:plan:read";
  constexpr const char* kCreate = "logistics:plan:create";
  s.Post("/logistics/pickups", {.permission = "logistics:pickup:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> { return NewPickup(d, req, reply); });
  http::ListRoute<Pickup>(
      s, "/logistics/pickups", {.permission = kRead}, {},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<Pickup>> {
        ASSIGN_OR_RETURN(auto date, QueryOptDate(req, "date"));
        return ListPickups(d, req.principal(), lp.scope, date, lp.page);
      },
      PickupJson);
  s.Post("/logistics/daily-plans", {.permission = kCreate},
         [d](Request& req, Reply& reply) -> Result<Json> { return CreatePlan(d, req, reply); });
  http::ListRoute<DailyPlan>(
      s, "/logistics/daily-plans", {.permission = kRead}, {},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<DailyPlan>> {
        ASSIGN_OR_RETURN(auto date, QueryOptDate(req, "date"));
        return ListDailyPlans(d, req.principal(), lp.scope, date, lp.page);
      },
      PlanHeaderJson);
  s.Get(R"(/logistics/daily-plans/(\d+))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(DailyPlan p, GetDailyPlan(d, req.principal(), id));
          return PlanJson(p);
        });
  s.Post(R"(/logistics/daily-plans/(\d+)/stops/(\d+)/move)", {.permission = kCreate},
         [d](Request& req, Reply&) -> Result<Json> { return Move(d, req); });
  s.Post(R"(/logistics/daily-plans/(\d+)/routes/(\d+)/lock)", {.permission = kCreate},
         [d](Request& req, Reply&) -> Result<Json> { return Lock(d, req); });
  s.Post(R"(/logistics/daily-plans/(\d+)/resolve)", {.permission = kCreate},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(PlanOptions o, OptionsFrom(body));
           ASSIGN_OR_RETURN(DailyPlan p, ResolvePlan(d, req.principal(), id, o));
           return PlanJson(p);
         });
  s.Post(R"(/logistics/daily-plans/(\d+)/stops/(\d+)/confirm)",
         {.permission = "logistics:parcel:ingest"},
         [d](Request& req, Reply& reply) -> Result<Json> { return Confirm(d, req, reply); });
  s.Post(R"(/logistics/daily-plans/(\d+)/publish)", {.permission = "logistics:plan:publish"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(DailyPlan p, PublishPlan(d, req.principal(), id));
           return PlanJson(p);
         });
}

}  // namespace ruralec::logistics::api
