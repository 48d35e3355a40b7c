// The daily plan's rules (daily_plan.h contract): permission and scope, reading the inputs,
// solving per depot, storing, and the dispatcher's moves, locks and publication, each audited
// in its transaction.
#include "logistics/daily_plan.h"

#include <algorithm>
#include <map>

#include "account/stamp.h"
#include "core/validate.h"
#include "logistics/daily_plan_internal.h"
#include "logistics/daily_plan_store.h"
#include "logistics/network_store.h"
#include "region/region.h"
#include "routing/solver.h"

namespace ruralec::logistics {
namespace {

using account::AuditOf;
using account::StampOf;

constexpr int64_t kMaxPieces = 100'000, kMaxKg = 1'000'000;

Status Need(const account::Principal& who, const char* perm, const char* what) {
  if (!who.Can(perm)) return Error::Forbidden(std::string("没有") + what + "的权限");
  return {};
}

Error PlanNotFound(int64_t id) {
  return Error::NotFound("配送计划 " + std::to_string(id) + " 不存在");
}

Result<RegionCode> PlanRegion(const account::Principal& who, RegionCode region) {
  if (region.empty()) region = who.region;
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  if (region.level() != RegionLevel::kCounty && region.level() != RegionLevel::kTown)
    return Error::Invalid("region_code", "配送计划的区划应为县（区）或乡镇");
  return region;
}

Result<PlanSettings> SettingsOf(storage::Connection& conn, const RegionCode& county) {
  PlanSettings s;
  ASSIGN_OR_RETURN(s.road_factor_permille, settings::IntParam(conn, county, RoadFactorParam()));
  ASSIGN_OR_RETURN(s.speed_kmh, settings::IntParam(conn, county, SpeedParam()));
  ASSIGN_OR_RETURN(s.parcel_kg, settings::IntParam(conn, county, ParcelKgParam()));
  return s;
}

struct Inputs {
  PlanInputs in;
  std::map<int64_t, Node> nodes;
};

Result<Inputs> ReadInputs(storage::Connection& conn, const RegionCode& region, CivilDate date) {
  Inputs x;
  ASSIGN_OR_RETURN(x.in.nodes, store::ActiveNodes(conn, region));
  ASSIGN_OR_RETURN(x.in.vehicles, store::ActiveVehicles(conn, region));
  ASSIGN_OR_RETURN(x.in.parcels, store::WaitingParcels(conn, region));
  ASSIGN_OR_RETURN(x.in.pickups, store::OpenPickups(conn, region, date));
  ASSIGN_OR_RETURN(x.in.settings, SettingsOf(conn, region.county()));
  for (const auto& n : x.in.nodes) x.nodes[n.id] = n;
  return x;
}

PlanStop StopOf(const StopDraft& d) {
  PlanStop s;
  s.seq = d.seq;
  s.depot_node_id = d.depot_node_id;
  s.node_id = d.node_id;
  s.parcels = d.parcels;
  s.pickup_pieces = d.pickup_pieces;
  s.pickup_kg = d.pickup_kg;
  s.cold = d.cold;
  s.waybill_ids = d.waybill_ids;
  s.pickup_ids = d.pickup_ids;
  s.arrival_s = d.arrival_s;
  s.reason = d.route ? "" : (d.reason.empty() ? "未安排" : d.reason);
  return s;
}

Result<int64_t> Store(storage::Connection& conn, DailyPlan& plan, const Built& built,
                      const SolvedPlan& solved) {
  const RegionCode county = plan.region.county();
  ASSIGN_OR_RETURN(plan.id, store::InsertPlan(conn, plan));
  std::vector<int64_t> route_ids;
  int seq = 0;
  for (const auto& r : solved.routes) {
    PlanRoute pr;
    pr.seq = ++seq;
    pr.vehicle_id = r.vehicle_id;
    pr.depot_node_id = r.depot_node_id;
    pr.distance_m = r.distance_m;
    pr.departure_s = r.departure_s;
    pr.return_s = r.return_s;
    ASSIGN_OR_RETURN(int64_t rid, store::InsertRoute(conn, plan.id, county, pr));
    route_ids.push_back(rid);
  }
  int unassigned = 0;
  std::vector<int64_t> pickups;
  for (const auto& d : built.stops) {
    PlanStop s = StopOf(d);
    if (d.route) {
      s.route_id = route_ids[*d.route];
    } else {
      s.seq = ++unassigned;
    }
    ASSIGN_OR_RETURN(int64_t sid, store::InsertStop(conn, plan.id, county, s));
    (void)sid;
    pickups.insert(pickups.end(), d.pickup_ids.begin(), d.pickup_ids.end());
  }
  RETURN_IF_ERROR(store::MarkPickupsPlanned(conn, pickups, plan.id, plan.created_at));
  return plan.id;
}

Status CheckDraft(const DailyPlan& p) {
  if (p.status != "draft") return Error::Conflict("配送计划已发布，不能再调整");
  return {};
}

PlanRoute* FindRoute(DailyPlan& p, int64_t id) {
  for (auto& r : p.routes)
    if (r.id == id) return &r;
  return nullptr;
}

// Takes the stop out of wherever it is in the plan.
std::optional<PlanStop> TakeStop(DailyPlan& p, int64_t stop_id, PlanRoute** from) {
  *from = nullptr;
  for (auto& r : p.routes) {
    auto it = std::find_if(r.stops.begin(), r.stops.end(),
                           [&](const PlanStop& s) { return s.id == stop_id; });
    if (it != r.stops.end()) {
      PlanStop s = *it;
      r.stops.erase(it);
      *from = &r;
      return s;
    }
  }
  auto it = std::find_if(p.unassigned.begin(), p.unassigned.end(),
                         [&](const PlanStop& s) { return s.id == stop_id; });
  if (it == p.unassigned.end()) return std::nullopt;
  PlanStop s = *it;
  p.unassigned.erase(it);
  return s;
}

Status CheckFits(const PlanRoute& r, const PlanStop& s, int64_t parcel_kg) {
  if (s.cold && !r.cold_vehicle)
    return Error::Conflict("冷链货物只能由冷藏车（" + r.plate + " 不是冷藏车）运送");
  int64_t down = s.parcels, down_kg = s.parcels * parcel_kg, up = s.pickup_pieces,
          up_kg = s.pickup_kg;
  for (const auto& o : r.stops) {
    down += o.parcels;
    down_kg += o.parcels * parcel_kg;
    up += o.pickup_pieces;
    up_kg += o.pickup_kg;
  }
  // Deliveries leave as pickups come on: the load never exceeds the larger of the two totals.
  const int64_t pieces = std::max(down, up), kg = std::max(down_kg, up_kg);
  if (r.capacity_parcels && pieces > *r.capacity_parcels)
    return Error::Conflict("超出车辆 " + r.plate + " 的件数载量");
  if (r.capacity_kg && kg > *r.capacity_kg)
    return Error::Conflict("超出车辆 " + r.plate + " 的重量载量");
  return {};
}

Status SaveRoute(storage::Connection& conn, const Point& depot, const PlanSettings& s,
                 PlanRoute& r) {
  Reschedule(depot, s, r);
  for (const auto& st : r.stops) RETURN_IF_ERROR(store::UpdateStop(conn, st));
  return store::UpdateRoute(conn, r);
}

Result<Point> DepotPoint(storage::Connection& conn, int64_t depot_id) {
  ASSIGN_OR_RETURN(Node n, store::GetNode(conn, depot_id));
  if (!n.point) return Error::Conflict("配送网点“" + n.name + "”未登记坐标");
  return *n.point;
}

PlanSettings SettingsOfPlan(const DailyPlan& p, int64_t parcel_kg) {
  return {p.road_factor_permille, p.speed_kmh, parcel_kg};
}

std::string MoveDetail(int64_t stop, const PlanRoute* from, const PlanRoute* to, int position) {
  return "stop=" + std::to_string(stop) + " from=" + (from ? from->plate : "未安排") +
         " to=" + (to ? to->plate : "未安排") + " position=" + std::to_string(position);
}

}  // namespace

namespace internal {

Result<DailyPlan> LoadPlan(storage::Connection& conn, const account::Principal& who, int64_t id) {
  auto p = store::GetPlan(conn, id);
  if (!p.ok() && p.error().code != ErrorCode::kNotFound) return p.take_error();
  if (!p.ok() || !who.InScope(p->region)) return PlanNotFound(id);
  DailyPlan plan = std::move(*p);
  ASSIGN_OR_RETURN(plan.routes, store::PlanRoutes(conn, id));
  ASSIGN_OR_RETURN(auto stops, store::PlanStops(conn, id));
  std::vector<int64_t> node_ids;
  for (const auto& s : stops) node_ids.push_back(s.node_id);
  for (const auto& r : plan.routes) node_ids.push_back(r.depot_node_id);
  ASSIGN_OR_RETURN(auto nodes, store::NodesByIds(conn, node_ids));
  std::vector<std::string> codes;
  for (const auto& [nid, n] : nodes) codes.push_back(n.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  std::vector<int64_t> waybill_ids;
  for (const auto& s : stops)
    waybill_ids.insert(waybill_ids.end(), s.waybill_ids.begin(), s.waybill_ids.end());
  ASSIGN_OR_RETURN(auto refs, store::WaybillRefs(conn, waybill_ids));
  ASSIGN_OR_RETURN(auto confirmed, store::ConfirmedStops(conn, id));
  std::map<int64_t, size_t> route_at;
  for (size_t i = 0; i < plan.routes.size(); ++i) {
    PlanRoute& r = plan.routes[i];
    route_at[r.id] = i;
    ASSIGN_OR_RETURN(Vehicle v, store::GetVehicle(conn, r.vehicle_id));
    r.plate = v.plate;
    r.cold_vehicle = v.cold;
    r.capacity_parcels = v.capacity_parcels;
    r.capacity_kg = v.capacity_kg;
    if (auto n = nodes.find(r.depot_node_id); n != nodes.end()) r.depot_name = n->second.name;
  }
  for (auto& s : stops) {
    for (int64_t w : s.waybill_ids)
      if (auto r = refs.find(w); r != refs.end()) s.waybills.push_back(r->second);
    if (auto c = confirmed.find(s.id); c != confirmed.end()) s.confirmed_at = c->second;
    if (auto n = nodes.find(s.node_id); n != nodes.end()) {
      s.node_code = n->second.code;
      s.node_name = n->second.name;
      s.region = n->second.region;
      s.region_name = names[n->second.region.str()];
      s.point = n->second.point;
      s.hours = n->second.hours;
    }
    if (s.route_id && route_at.count(*s.route_id)) {
      plan.routes[route_at[*s.route_id]].stops.push_back(std::move(s));
    } else {
      plan.unassigned.push_back(std::move(s));
    }
  }
  return plan;
}

}  // namespace internal

const settings::ParamDef& RoadFactorParam() {
  static const settings::ParamDef d{"logistics.road_factor_permille",
                                    "道路系数（千分比）",
                                    settings::ParamType::kInt,
                                    "1400",
                                    1000,
                                    3000,
                                    {},
                                    "配送计划按直线距离乘以道路系数估算道路里程，1400 即 1.4 倍"};
  return d;
}

const settings::ParamDef& SpeedParam() {
  static const settings::ParamDef d{"logistics.speed_kmh",
                                    "配送车辆平均车速（公里/小时）",
                                    settings::ParamType::kInt,
                                    "40",
                                    5,
                                    120,
                                    {},
                                    "配送计划按此车速估算行驶时间"};
  return d;
}

const settings::ParamDef& ParcelKgParam() {
  static const settings::ParamDef d{"logistics.parcel_kg",
                                    "每件快递计重（公斤）",
                                    settings::ParamType::kInt,
                                    "1",
                                    0,
                                    100,
                                    {},
                                    "扫描记录不含重量，配送计划按每件此重量计算车辆载重"};
  return d;
}

Result<SolvedPlan> SolveBuilt(Built& built, const PlanOptions& o) {
  SolvedPlan solved;
  // The time is shared by the depots' problems in proportion to their stops.
  size_t total = 0;
  for (const auto& dp : built.problems) total += dp.problem.stops.size();
  for (const auto& dp : built.problems) {
    routing::SolveOptions so;
    so.time_limit_seconds =
        std::max(0.1, o.time_limit_seconds * static_cast<double>(dp.problem.stops.size()) /
                          static_cast<double>(std::max<size_t>(1, total)));
    so.max_iterations = o.max_iterations;
    so.seed = o.seed;
    ASSIGN_OR_RETURN(routing::Solution sol, routing::Solve(dp.problem, so));
    ApplySolution(dp, sol, built, solved);
  }
  return solved;
}

Result<std::pair<Built, SolvedPlan>> SolvePlan(const PlanInputs& in, const PlanOptions& o) {
  Built built = BuildProblems(in);
  ASSIGN_OR_RETURN(SolvedPlan solved, SolveBuilt(built, o));
  return std::make_pair(std::move(built), std::move(solved));
}

// ---- pickups ----

Result<Pickup> CreatePickup(const Deps& d, const account::Principal& who,
                            const PickupInput& input) {
  RETURN_IF_ERROR(Need(who, "logistics:pickup:edit", "登记揽收需求"));
  PickupInput in = input;
  RETURN_IF_ERROR(validate::PlausibleDate(in.date, "date"));
  if (in.pieces < 0 || in.pieces > kMaxPieces)
    return Error::Invalid("pieces", "件数应为 0 到 100000 之间的整数");
  if (in.kg < 0 || in.kg > kMaxKg) return Error::Invalid("kg", "重量应为 0 到 1000000 公斤之间");
  if (in.pieces == 0 && in.kg == 0) return Error::Invalid("pieces", "件数和重量不能都为 0");
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "备注", 200, true}));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Pickup>(*conn, storage::TxMode::kWrite, [&]() -> Result<Pickup> {
    auto n = store::GetNode(*conn, in.node_id);
    if (!n.ok() || !who.InScope(n->region) || n->level != NodeLevel::kVillagePoint || !n->active)
      return Error::Invalid("node_id", "村级物流服务点 " + std::to_string(in.node_id) +
                                           " 不存在或不在您的管辖范围内");
    ASSIGN_OR_RETURN(int64_t id,
                     store::InsertPickup(*conn, in, n->region, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditOf(who, "logistics.pickup.create", "logistics_pickup", id,
                       "node=" + n->code + " date=" + in.date.ToString() +
                           " pieces=" + std::to_string(in.pieces) + " kg=" + std::to_string(in.kg) +
                           (in.cold ? " cold" : ""))));
    ASSIGN_OR_RETURN(Pickup p, store::GetPickup(*conn, id));
    p.node_name = n->name;
    return p;
  });
}

Result<Page<Pickup>> ListPickups(const Deps& d, const account::Principal& who, RegionCode region,
                                 std::optional<CivilDate> date, const PageRequest& page) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:read", "查看配送计划"));
  if (region.empty()) region = who.region;
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Pickup> out, store::ListPickups(*conn, region, date, page));
  std::vector<int64_t> ids;
  for (const auto& p : out.items) ids.push_back(p.node_id);
  ASSIGN_OR_RETURN(auto nodes, store::NodesByIds(*conn, ids));
  for (auto& p : out.items)
    if (auto n = nodes.find(p.node_id); n != nodes.end()) p.node_name = n->second.name;
  return out;
}

// ---- plans ----

Result<DailyPlan> CreateDailyPlan(const Deps& d, const account::Principal& who,
                                  const RegionCode& requested, CivilDate date,
                                  const PlanOptions& options) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:create", "编制配送计划"));
  ASSIGN_OR_RETURN(RegionCode region, PlanRegion(who, requested));
  RETURN_IF_ERROR(validate::PlausibleDate(date, "date"));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Inputs x, ReadInputs(*conn, region, date));
  ASSIGN_OR_RETURN(auto solved, SolvePlan(x.in, options));
  const Built& built = solved.first;
  const SolvedPlan& routes = solved.second;
  return storage::InTransaction<DailyPlan>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DailyPlan> {
        DailyPlan plan;
        plan.region = region;
        plan.date = date;
        plan.status = "draft";
        plan.road_factor_permille = x.in.settings.road_factor_permille;
        plan.speed_kmh = x.in.settings.speed_kmh;
        plan.parcels = built.parcels;
        plan.pickups = built.pickups;
        plan.created_by = who.id.value;
        plan.created_at = d.clock.NowMs();
        ASSIGN_OR_RETURN(int64_t id, Store(*conn, plan, built, routes));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "logistics.daily_plan.create", "logistics_daily_plan", id,
                           "region=" + region.str() + " date=" + date.ToString() +
                               " routes=" + std::to_string(routes.routes.size()) +
                               " stops=" + std::to_string(built.stops.size()))));
        return internal::LoadPlan(*conn, who, id);
      });
}

Result<DailyPlan> GetDailyPlan(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:read", "查看配送计划"));
  auto conn = d.db.Acquire();
  return internal::LoadPlan(*conn, who, id);
}

Result<Page<DailyPlan>> ListDailyPlans(const Deps& d, const account::Principal& who,
                                       RegionCode region, std::optional<CivilDate> date,
                                       const PageRequest& page) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:read", "查看配送计划"));
  if (region.empty()) region = who.region;
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  return store::ListPlans(*conn, region, date, page);
}

Result<DailyPlan> MoveStop(const Deps& d, const account::Principal& who, int64_t plan_id,
                           int64_t stop_id, std::optional<int64_t> route_id,
                           std::optional<int> position) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:create", "调整配送计划"));
  auto conn = d.db.Acquire();
  return storage::InTransaction<DailyPlan>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DailyPlan> {
        ASSIGN_OR_RETURN(DailyPlan p, internal::LoadPlan(*conn, who, plan_id));
        RETURN_IF_ERROR(CheckDraft(p));
        PlanRoute* from = nullptr;
        std::optional<PlanStop> stop = TakeStop(p, stop_id, &from);
        if (!stop) return Error::NotFound("站点 " + std::to_string(stop_id) + " 不在该计划中");
        if (from && from->locked) return Error::Conflict("线路 " + from->plate + " 已锁定");
        PlanRoute* to = nullptr;
        if (route_id) {
          to = FindRoute(p, *route_id);
          if (!to)
            return Error::Invalid("route_id",
                                  "线路 " + std::to_string(*route_id) + " 不在该计划中");
          if (to->locked) return Error::Conflict("线路 " + to->plate + " 已锁定");
          if (to->depot_node_id != stop->depot_node_id)
            return Error::Conflict("该站点的货物在另一个配送网点，只能移到从该网点出发的线路");
        }
        ASSIGN_OR_RETURN(int64_t parcel_kg,
                         settings::IntParam(*conn, p.region.county(), ParcelKgParam()));
        const PlanSettings s = SettingsOfPlan(p, parcel_kg);
        std::vector<PlanStop>& target = to ? to->stops : p.unassigned;
        const int max_pos = static_cast<int>(target.size()) + 1;
        const int pos = std::clamp(position.value_or(max_pos), 1, max_pos);
        if (to) RETURN_IF_ERROR(CheckFits(*to, *stop, parcel_kg));
        stop->route_id = to ? std::optional<int64_t>(to->id) : std::nullopt;
        stop->reason = to ? "" : "调度员移出";
        if (!to) stop->arrival_s.reset();
        target.insert(target.begin() + (pos - 1), *stop);
        if (to && !stop->point) return Error::Conflict("服务点“" + stop->node_name + "”未登记坐标");
        for (PlanRoute* r : {from, to}) {
          if (!r) continue;
          ASSIGN_OR_RETURN(Point depot, DepotPoint(*conn, r->depot_node_id));
          RETURN_IF_ERROR(SaveRoute(*conn, depot, s, *r));
        }
        if (!to) {
          int seq = 0;
          for (auto& u : p.unassigned) {
            u.seq = ++seq;
            RETURN_IF_ERROR(store::UpdateStop(*conn, u));
          }
        }
        RETURN_IF_ERROR(store::TouchPlan(*conn, plan_id, d.clock.NowMs()));
        RETURN_IF_ERROR(
            d.audit.Append(*conn, AuditOf(who, "logistics.daily_plan.move", "logistics_daily_plan",
                                          plan_id, MoveDetail(stop_id, from, to, pos))));
        return internal::LoadPlan(*conn, who, plan_id);
      });
}

Result<DailyPlan> LockRoute(const Deps& d, const account::Principal& who, int64_t plan_id,
                            int64_t route_id, bool locked) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:create", "调整配送计划"));
  auto conn = d.db.Acquire();
  return storage::InTransaction<DailyPlan>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DailyPlan> {
        ASSIGN_OR_RETURN(DailyPlan p, internal::LoadPlan(*conn, who, plan_id));
        RETURN_IF_ERROR(CheckDraft(p));
        PlanRoute* r = FindRoute(p, route_id);
        if (!r) return Error::NotFound("线路 " + std::to_string(route_id) + " 不在该计划中");
        if (r->locked == locked) return p;
        r->locked = locked;
        RETURN_IF_ERROR(store::UpdateRoute(*conn, *r));
        RETURN_IF_ERROR(store::TouchPlan(*conn, plan_id, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "logistics.daily_plan.lock", "logistics_daily_plan", plan_id,
                           "route=" + r->plate + (locked ? " locked" : " unlocked"))));
        return internal::LoadPlan(*conn, who, plan_id);
      });
}

Result<DailyPlan> PublishPlan(const Deps& d, const account::Principal& who, int64_t plan_id) {
  RETURN_IF_ERROR(Need(who, "logistics:plan:publish", "发布配送计划"));
  auto conn = d.db.Acquire();
  return storage::InTransaction<DailyPlan>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DailyPlan> {
        ASSIGN_OR_RETURN(DailyPlan p, internal::LoadPlan(*conn, who, plan_id));
        if (p.status == "published") return p;
        RETURN_IF_ERROR(store::PublishPlan(*conn, plan_id, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(
            *conn,
            AuditOf(who, "logistics.daily_plan.publish", "logistics_daily_plan", plan_id,
                    "date=" + p.date.ToString() + " routes=" + std::to_string(p.routes.size()))));
        return internal::LoadPlan(*conn, who, plan_id);
      });
}

}  // namespace ruralec::logistics
