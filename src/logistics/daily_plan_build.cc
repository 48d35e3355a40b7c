// The pure part of the daily plan (daily_plan.h): stops from waiting parcels and pickups, one
// routing problem per depot, the solution read back, and a route rescheduled after a move.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "logistics/daily_plan.h"

namespace ruralec::logistics {
namespace {

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kUnlimited = 1'000'000'000;  // a capacity not given (sums stay in range)
constexpr double kUnservedPenalty = 1e7;
constexpr double kVehicleFixedCost = 10'000;  // metres' worth: fewer vehicles when it is cheap

routing::GeoPoint Geo(const Point& p) {
  return {static_cast<double>(p.lat_e6) / 1e6, static_cast<double>(p.lng_e6) / 1e6};
}

routing::TimeWindow Window(const std::optional<Hours>& h) {
  if (!h) return {0, kDay};
  return {int64_t{h->open_min} * 60, int64_t{h->close_min} * 60};
}

int64_t ServiceSeconds(int64_t parcels, int64_t pieces) { return 180 + 30 * (parcels + pieces); }

using StopKey = std::tuple<int64_t, int64_t, bool>;  // depot, point, cold

struct Index {
  std::map<int64_t, const Node*> nodes;
  std::map<int64_t, std::vector<const Vehicle*>> fleet;  // depot → vehicles
  const Node* centre = nullptr;
};

Index MakeIndex(const std::vector<Node>& nodes, const std::vector<Vehicle>& vehicles) {
  Index ix;
  for (const auto& n : nodes) {
    ix.nodes[n.id] = &n;
    if (n.level == NodeLevel::kCountyCentre && !ix.centre) ix.centre = &n;
  }
  for (const auto& v : vehicles) {
    if (!v.active) continue;
    const Node* depot = nullptr;
    if (v.home_node_id) {
      auto it = ix.nodes.find(*v.home_node_id);
      if (it != ix.nodes.end() && it->second->level != NodeLevel::kVillagePoint) depot = it->second;
    }
    if (!depot) depot = ix.centre;
    if (depot) ix.fleet[depot->id].push_back(&v);
  }
  return ix;
}

// The depot of a pickup at `point`: its town's hub with vehicles, else the centre with
// vehicles (for a cold pickup: the first of them with a cold vehicle), else its town's hub or
// the centre; 0 when the region has none.
int64_t PickupDepot(const Index& ix, const Node& point, bool cold) {
  const Node* hub = nullptr;
  for (const auto& [id, n] : ix.nodes) {
    if (n->level == NodeLevel::kTownHub && n->region == point.region.parent()) hub = n;
  }
  auto has = [&](const Node* c, bool need_cold) {
    if (!c) return false;
    auto f = ix.fleet.find(c->id);
    if (f == ix.fleet.end()) return false;
    return !need_cold || std::any_of(f->second.begin(), f->second.end(),
                                     [](const Vehicle* v) { return v->cold; });
  };
  for (bool need_cold : {cold, false}) {
    for (const Node* c : {hub, ix.centre})
      if (has(c, need_cold)) return c->id;
  }
  if (hub) return hub->id;
  return ix.centre ? ix.centre->id : 0;
}

StopDraft& StopFor(std::map<StopKey, size_t>& keys, Built& b, const StopKey& k) {
  auto it = keys.find(k);
  if (it != keys.end()) return b.stops[it->second];
  keys[k] = b.stops.size();
  StopDraft s;
  s.depot_node_id = std::get<0>(k);
  s.node_id = std::get<1>(k);
  s.cold = std::get<2>(k);
  b.stops.push_back(s);
  return b.stops.back();
}

routing::Vehicle RoutingVehicle(const Vehicle& v) {
  routing::Vehicle rv;
  rv.id = v.plate;
  const int64_t kg = v.capacity_kg.value_or(kUnlimited);
  rv.capacity = {v.capacity_parcels.value_or(kUnlimited), kg, v.cold ? kg : 0};
  rv.shift = Window(v.shift);
  rv.fixed_cost = kVehicleFixedCost;
  return rv;
}

// One depot's problem over its stops that can be routed; the others get their reason.
void AddProblem(const Index& ix, const PlanSettings& s, int64_t depot_id,
                const std::vector<size_t>& stops, Built& b) {
  const Node* depot = ix.nodes.at(depot_id);
  auto fleet = ix.fleet.find(depot_id);
  const char* reason = nullptr;
  if (fleet == ix.fleet.end()) reason = "该网点没有可用车辆";
  if (!depot->point) reason = "配送网点未登记坐标";
  DepotProblem dp;
  dp.depot_node_id = depot_id;
  routing::Problem& p = dp.problem;
  p.num_dims = 3;
  p.depots.push_back({depot->code, Window(depot->hours)});
  std::vector<routing::GeoPoint> geo;
  if (depot->point) geo.push_back(Geo(*depot->point));
  for (size_t i : stops) {
    StopDraft& st = b.stops[i];
    const Node* point = ix.nodes.at(st.node_id);
    if (reason || !point->point) {
      st.reason = reason ? reason : "服务点未登记坐标";
      continue;
    }
    routing::Stop rs;
    rs.id = "s" + std::to_string(i);
    rs.delivery = {st.parcels, st.parcels * s.parcel_kg, 0};
    rs.pickup = {st.pickup_pieces, st.pickup_kg, st.cold ? st.pickup_kg : 0};
    rs.service_time = ServiceSeconds(st.parcels, st.pickup_pieces);
    rs.window = Window(point->hours);
    rs.unserved_penalty = kUnservedPenalty;
    p.stops.push_back(rs);
    dp.stops.push_back(i);
    geo.push_back(Geo(*point->point));
  }
  if (p.stops.empty()) return;
  for (const Vehicle* v : fleet->second) {
    p.vehicles.push_back(RoutingVehicle(*v));
    dp.vehicle_ids.push_back(v->id);
  }
  routing::SetMatrixFromCoordinates(p, geo, static_cast<double>(s.road_factor_permille) / 1000.0,
                                    static_cast<double>(s.speed_kmh));
  b.problems.push_back(std::move(dp));
}

// One problem per depot of the stops in `b`.
void AddProblems(const Index& ix, const PlanSettings& s, Built& b) {
  std::map<int64_t, std::vector<size_t>> by_depot;
  for (size_t i = 0; i < b.stops.size(); ++i) by_depot[b.stops[i].depot_node_id].push_back(i);
  for (const auto& [depot, stops] : by_depot) AddProblem(ix, s, depot, stops, b);
}

}  // namespace

Built BuildFromStops(const std::vector<Node>& nodes, const std::vector<Vehicle>& vehicles,
                     const PlanSettings& settings, std::vector<StopDraft> stops) {
  Index ix = MakeIndex(nodes, vehicles);
  Built b;
  for (auto& st : stops) {
    if (!ix.nodes.count(st.depot_node_id) || !ix.nodes.count(st.node_id)) {
      st.reason = "网点已停用";
      st.route.reset();
    }
  }
  b.stops = std::move(stops);
  // Stops whose nodes are gone keep their reason and stay out of the problems.
  std::map<int64_t, std::vector<size_t>> by_depot;
  for (size_t i = 0; i < b.stops.size(); ++i)
    if (b.stops[i].reason.empty()) by_depot[b.stops[i].depot_node_id].push_back(i);
  for (const auto& [depot, idx] : by_depot) AddProblem(ix, settings, depot, idx, b);
  return b;
}

Built BuildProblems(const PlanInputs& in) {
  Index ix = MakeIndex(in.nodes, in.vehicles);
  Built b;
  std::map<StopKey, size_t> keys;
  for (const auto& w : in.parcels) {
    ++b.parcels;
    if (!w.point_node_id || !ix.nodes.count(*w.point_node_id) ||
        ix.nodes.at(*w.point_node_id)->level != NodeLevel::kVillagePoint ||
        !ix.nodes.count(w.depot_node_id)) {
      ++b.parcels_without_point;
      continue;
    }
    StopDraft& s = StopFor(keys, b, {w.depot_node_id, *w.point_node_id, false});
    ++s.parcels;
    s.waybill_ids.push_back(w.waybill_id);
  }
  for (const auto& pk : in.pickups) {
    auto point = ix.nodes.find(pk.node_id);
    if (point == ix.nodes.end()) continue;
    const int64_t depot = PickupDepot(ix, *point->second, pk.cold);
    if (depot == 0) continue;
    ++b.pickups;
    StopDraft& s = StopFor(keys, b, {depot, pk.node_id, pk.cold});
    s.pickup_pieces += pk.pieces;
    s.pickup_kg += pk.kg;
    s.pickup_ids.push_back(pk.id);
  }
  AddProblems(ix, in.settings, b);
  return b;
}

void ApplySolution(const DepotProblem& dp, const routing::Solution& sol, Built& built,
                   SolvedPlan& plan) {
  for (const auto& r : sol.routes) {
    if (r.visits.empty()) continue;
    plan.routes.push_back({dp.vehicle_ids[static_cast<size_t>(r.vehicle)], dp.depot_node_id,
                           r.distance, r.departure, r.return_time});
    const size_t route = plan.routes.size() - 1;
    int seq = 0;
    for (const auto& v : r.visits) {
      StopDraft& s = built.stops[dp.stops[static_cast<size_t>(v.stop)]];
      s.route = route;
      s.seq = ++seq;
      s.arrival_s = v.service_start;
    }
  }
  for (int u : sol.unserved) {
    built.stops[dp.stops[static_cast<size_t>(u)]].reason = "求解未能安排（载量、时间窗或班次不足）";
  }
}

void Reschedule(const Point& depot, const PlanSettings& s, PlanRoute& route) {
  const double factor = static_cast<double>(s.road_factor_permille) / 1000.0;
  const double metres_per_second = static_cast<double>(s.speed_kmh) / 3.6;
  auto leg = [&](const Point& a, const Point& b) {
    const double m = static_cast<double>(routing::HaversineMetres(Geo(a), Geo(b))) * factor;
    return std::pair<int64_t, int64_t>{std::llround(m), std::llround(m / metres_per_second)};
  };
  int64_t t = route.departure_s, distance = 0;
  Point at = depot;
  int seq = 0;
  for (PlanStop& st : route.stops) {
    st.seq = ++seq;
    if (!st.point) continue;
    auto [m, secs] = leg(at, *st.point);
    distance += m;
    t = std::max(t + secs, Window(st.hours).open);
    st.arrival_s = t;
    t += ServiceSeconds(st.parcels, st.pickup_pieces);
    at = *st.point;
  }
  auto [m, secs] = leg(at, depot);
  route.distance_m = distance + m;
  route.return_s = t + secs;
}

}  // namespace ruralec::logistics
