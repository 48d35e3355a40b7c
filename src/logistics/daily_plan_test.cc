// The daily co-delivery plan (daily_plan.h): stops and problems built from waiting parcels and
// pickups, cold goods on cold vehicles, a route rescheduled by hand-computed figures, and the
// dispatcher's review — moves, locks, publication — with the rules a dispatcher relies on.
#include "logistics/daily_plan.h"

#include <cmath>

#include "logistics/parcels.h"
#include "logistics/test_fixture.h"
#include "routing/solver.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

Node MakeNodeAt(int64_t id, NodeLevel level, const std::string& region, double lat, double lng) {
  Node n;
  n.id = id;
  n.level = level;
  n.region = *RegionCode::Parse(region);
  n.code = "N" + std::to_string(id);
  n.name = n.code;
  n.point = Point{std::llround(lat * 1e6), std::llround(lng * 1e6)};
  return n;
}

Vehicle MakeVehicle(int64_t id, int64_t home, bool cold, int64_t parcels, int64_t kg) {
  Vehicle v;
  v.id = id;
  v.plate = "V" + std::to_string(id);
  v.home_node_id = home;
  v.cold = cold;
  v.capacity_parcels = parcels;
  v.capacity_kg = kg;
  return v;
}

// A hub (1) of town …100 and three points: 2 and 3 with coordinates, 4 without. Parcels: two
// for point 2, one for point 3, one for point 4, one without a point. Pickups: 2 pieces / 30 kg
// at point 2, a cold pickup of 5 pieces / 50 kg at point 3. Vehicles: a van (10 parcels,
// 500 kg) and a cold truck (20, 800) at the hub.
PlanInputs SmallInputs() {
  PlanInputs in;
  in.nodes = {MakeNodeAt(1, NodeLevel::kTownHub, "341302100", 31.0, 117.0),
              MakeNodeAt(2, NodeLevel::kVillagePoint, "341302100201", 31.01, 117.0),
              MakeNodeAt(3, NodeLevel::kVillagePoint, "341302100202", 31.02, 117.0),
              MakeNodeAt(4, NodeLevel::kVillagePoint, "341302100203", 31.03, 117.0)};
  in.nodes[3].point.reset();
  in.nodes[1].hours = Hours{8 * 60, 18 * 60};
  in.vehicles = {MakeVehicle(11, 1, false, 10, 500), MakeVehicle(12, 1, true, 20, 800)};
  in.parcels = {{101, 1, 2}, {102, 1, 2}, {103, 1, 3}, {104, 1, 4}, {105, 1, std::nullopt}};
  Pickup a, b;
  a.id = 201, a.node_id = 2, a.pieces = 2, a.kg = 30;
  b.id = 202, b.node_id = 3, b.pieces = 5, b.kg = 50, b.cold = true;
  in.pickups = {a, b};
  in.settings = {1500, 36, 2};
  return in;
}

TEST(DailyPlanBuildTest, StopsPerDepotAndPointColdApart) {
  Built b = BuildProblems(SmallInputs());
  EXPECT_EQ(b.parcels, 5);
  EXPECT_EQ(b.parcels_without_point, 1);
  EXPECT_EQ(b.pickups, 2);
  struct Want {
    int64_t node, parcels, pieces, kg;
    bool cold;
    std::vector<int64_t> waybills;
    std::string reason;
  };
  const Want wants[] = {
      {2, 2, 2, 30, false, {101, 102}, ""},
      {3, 1, 0, 0, false, {103}, ""},
      {4, 1, 0, 0, false, {104}, "服务点未登记坐标"},
      {3, 0, 5, 50, true, {}, ""},
  };
  ASSERT_EQ(b.stops.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    const StopDraft& s = b.stops[i];
    EXPECT_EQ(s.depot_node_id, 1);
    EXPECT_EQ(s.node_id, wants[i].node);
    EXPECT_EQ(s.parcels, wants[i].parcels);
    EXPECT_EQ(s.pickup_pieces, wants[i].pieces);
    EXPECT_EQ(s.pickup_kg, wants[i].kg);
    EXPECT_EQ(s.cold, wants[i].cold);
    EXPECT_EQ(s.waybill_ids, wants[i].waybills);
    EXPECT_EQ(s.reason, wants[i].reason);
  }
  ASSERT_EQ(b.problems.size(), 1u);
  const routing::Problem& p = b.problems[0].problem;
  ASSERT_EQ(p.stops.size(), 3u);  // point 4 has no coordinates
  // Deliveries [pieces, kg at 2 kg a parcel, cold kg], pickups likewise; service 3 min + 30 s.
  EXPECT_EQ(p.stops[0].delivery, (routing::Load{2, 4, 0}));
  EXPECT_EQ(p.stops[0].pickup, (routing::Load{2, 30, 0}));
  EXPECT_EQ(p.stops[0].service_time, 180 + 30 * 4);
  EXPECT_EQ(p.stops[0].window.open, 8 * 3600);
  EXPECT_EQ(p.stops[0].window.close, 18 * 3600);
  EXPECT_EQ(p.stops[2].pickup, (routing::Load{5, 50, 50}));
  // Only the cold truck carries cold kg.
  EXPECT_EQ(p.vehicles[0].capacity, (routing::Load{10, 500, 0}));
  EXPECT_EQ(p.vehicles[1].capacity, (routing::Load{20, 800, 800}));
  // Distances: haversine × 1.5 — 0.01° of latitude is 1112 m → 1668 m, at 36 km/h 167 s.
  EXPECT_EQ(p.Dist(0, 1), 1668);
  EXPECT_EQ(p.Time(0, 1), 167);
}

TEST(DailyPlanBuildTest, ColdGoodsRideTheColdVehicle) {
  Built b = BuildProblems(SmallInputs());
  SolvedPlan plan;
  routing::SolveOptions o;
  o.max_iterations = 200;
  o.time_limit_seconds = 5;
  auto sol = routing::Solve(b.problems[0].problem, o);
  ASSERT_TRUE(sol.ok()) << sol.error().message;
  ApplySolution(b.problems[0], *sol, b, plan);
  ASSERT_TRUE(b.stops[3].route.has_value());
  EXPECT_EQ(plan.routes[*b.stops[3].route].vehicle_id, 12);
  EXPECT_TRUE(b.stops[0].arrival_s.has_value());
  EXPECT_GE(*b.stops[0].arrival_s, 8 * 3600);  // waits for the point to open
  // Without a cold vehicle the cold stop is left unserved with the reason.
  PlanInputs in = SmallInputs();
  in.vehicles.pop_back();
  Built b2 = BuildProblems(in);
  auto sol2 = routing::Solve(b2.problems[0].problem, o);
  ASSERT_TRUE(sol2.ok());
  SolvedPlan plan2;
  ApplySolution(b2.problems[0], *sol2, b2, plan2);
  EXPECT_FALSE(b2.stops[3].route.has_value());
  EXPECT_EQ(b2.stops[3].reason, "求解未能安排（载量、时间窗或班次不足）");
  EXPECT_TRUE(b2.stops[0].route.has_value());
}

// A cold pickup goes where a cold vehicle is: the hub has only the van, the county centre the
// cold truck; the other pickup stays at the village's own hub.
TEST(DailyPlanBuildTest, ColdPickupGoesToADepotWithAColdVehicle) {
  PlanInputs in = SmallInputs();
  in.nodes.push_back(MakeNodeAt(5, NodeLevel::kCountyCentre, "341302", 30.9, 117.0));
  in.vehicles[1].home_node_id = 5;
  Built b = BuildProblems(in);
  ASSERT_EQ(b.stops.size(), 4u);
  EXPECT_EQ(b.stops[0].depot_node_id, 1);  // point 2: parcels and the ordinary pickup
  EXPECT_EQ(b.stops[0].pickup_ids, std::vector<int64_t>{201});
  EXPECT_EQ(b.stops[3].depot_node_id, 5);  // point 3's cold pickup
  EXPECT_TRUE(b.stops[3].cold);
  EXPECT_EQ(b.problems.size(), 2u);
}

TEST(DailyPlanBuildTest, DepotWithoutVehiclesOrCoordinates) {
  PlanInputs in = SmallInputs();
  in.vehicles.clear();
  Built b = BuildProblems(in);
  EXPECT_TRUE(b.problems.empty());
  EXPECT_EQ(b.stops[0].reason, "该网点没有可用车辆");
  in = SmallInputs();
  in.nodes[0].point.reset();
  b = BuildProblems(in);
  EXPECT_TRUE(b.problems.empty());
  EXPECT_EQ(b.stops[0].reason, "配送网点未登记坐标");
}

// Worked by hand: depot at 31.00°N, A at 31.01° (08:00-18:00, 2 parcels), B at 31.02° (1
// pickup piece); factor 1.5, 36 km/h (10 m/s); leaving 07:00 (25,200 s). Legs of 0.01° are
// 1112 m × 1.5 = 1668 m, 167 s; B back to the depot 0.02°: 2224 m × 1.5 = 3336 m, 334 s.
// A: 25,367 → waits to 28,800, service 180 + 60 → 29,040. B: 29,207, service 210 → 29,417.
// Back at 29,751. Distance 1668 + 1668 + 3336 = 6672.
TEST(DailyPlanBuildTest, RescheduleByHand) {
  PlanRoute r;
  r.departure_s = 25'200;
  PlanStop a, b;
  a.point = Point{31'010'000, 117'000'000};
  a.hours = Hours{8 * 60, 18 * 60};
  a.parcels = 2;
  b.point = Point{31'020'000, 117'000'000};
  b.pickup_pieces = 1;
  r.stops = {a, b};
  Reschedule(Point{31'000'000, 117'000'000}, {1500, 36, 1}, r);
  EXPECT_EQ(r.stops[0].arrival_s, 28'800);
  EXPECT_EQ(r.stops[1].arrival_s, 29'207);
  EXPECT_EQ(r.stops[0].seq, 1);
  EXPECT_EQ(r.stops[1].seq, 2);
  EXPECT_EQ(r.distance_m, 6'672);
  EXPECT_EQ(r.return_s, 29'751);
}

class DailyPlanTest : public LogisticsFixture {
 protected:
  void SetUp() override {
    LogisticsFixture::SetUp();
    hub_ = AddNode("341302100", NodeLevel::kTownHub, "FL", "31.000000", "117.000000", "");
    p1_ = AddNode("341302100201", NodeLevel::kVillagePoint, "P1", "31.010000", "117.000000",
                  "08:00-18:00");
    p2_ = AddNode("341302100202", NodeLevel::kVillagePoint, "P2", "31.020000", "117.000000", "");
    van_ = Van("皖L00001", false, 4);
    cold_ = Van("皖L00002", true, 10);
    for (const char* no : {"A0001", "A0002", "A0003"}) Arrive(no, "P1");
    Arrive("B0001", "P2");
    Arrive("C0001", "");  // no destination
  }
  int64_t AddNode(const std::string& region, NodeLevel level, const std::string& code,
                  const std::string& lat, const std::string& lng, const std::string& hours) {
    NodeInput in = NodeAt(region, level, code);
    in.point = Point{*ParseDegrees(lat, 90, "lat"), *ParseDegrees(lng, 180, "lng")};
    if (!hours.empty()) in.hours = *ParseHours(hours, "opening_hours");
    auto n = CreateNode(D(), county_, in);
    EXPECT_TRUE(n.ok()) << n.error().message;
    return n.ok() ? n->id : 0;
  }
  int64_t Van(const std::string& plate, bool cold, int64_t parcels) {
    VehicleInput in;
    in.region = *RegionCode::Parse("341302100");
    in.plate = plate;
    in.cold = cold;
    in.capacity_parcels = parcels;
    in.capacity_kg = 1000;
    in.home_node_id = hub_;
    auto v = CreateVehicle(D(), county_, in);
    EXPECT_TRUE(v.ok()) << v.error().message;
    return v.ok() ? v->id : 0;
  }
  void Arrive(const std::string& no, const std::string& next) {
    ScanInput in;
    in.carrier = "中通";
    in.waybill_no = no;
    in.scan_type = "到达";
    in.scanned_at = "2023-11-14 06:00";
    in.node_code = "FL";
    in.next_node_code = next;
    auto r = RecordScan(D(), driver_, in);
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  Result<DailyPlan> Plan(const account::Principal& who) {
    PlanOptions o;
    o.max_iterations = 300;
    return CreateDailyPlan(D(), who, *RegionCode::Parse("341302100"), CivilDate(2023, 11, 14), o);
  }
  int64_t hub_ = 0, p1_ = 0, p2_ = 0, van_ = 0, cold_ = 0;
};

TEST_F(DailyPlanTest, BuildsSolvesAndStoresThePlan) {
  PickupInput pk{p2_, CivilDate(2023, 11, 14), 3, 40, true, "冷鲜鸡蛋"};
  auto pickup = CreatePickup(D(), town_, pk);
  ASSERT_TRUE(pickup.ok()) << pickup.error().message;
  EXPECT_EQ(pickup->status, "open");
  // Another town's clerk cannot ask for a pickup at this point.
  EXPECT_EQ(CreatePickup(D(), other_town_, pk).error().field, "node_id");
  auto plan = Plan(town_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->status, "draft");
  EXPECT_EQ(plan->parcels, 5);  // C1 counted, not routed
  EXPECT_EQ(plan->pickups, 1);
  int64_t routed_parcels = 0, cold_stops = 0;
  for (const auto& r : plan->routes) {
    for (const auto& s : r.stops) {
      routed_parcels += s.parcels;
      if (s.cold) {
        ++cold_stops;
        EXPECT_EQ(r.vehicle_id, cold_);
      }
      EXPECT_TRUE(s.arrival_s.has_value());
    }
  }
  EXPECT_EQ(routed_parcels, 4);
  EXPECT_EQ(cold_stops, 1);
  EXPECT_TRUE(plan->unassigned.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_pickups WHERE status = 'planned'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.daily_plan.create'"),
            1);
  // Another town's clerk does not see it.
  EXPECT_EQ(GetDailyPlan(D(), other_town_, plan->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(GetDailyPlan(D(), driver_, plan->id)->routes.size(), plan->routes.size());
}

TEST_F(DailyPlanTest, DispatcherMovesLocksAndPublishes) {
  PickupInput pk{p2_, CivilDate(2023, 11, 14), 3, 40, true, ""};
  ASSERT_TRUE(CreatePickup(D(), town_, pk).ok());
  auto plan = Plan(town_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  const PlanRoute* cold_route = nullptr;
  const PlanRoute* van_route = nullptr;
  for (const auto& r : plan->routes) (r.vehicle_id == cold_ ? cold_route : van_route) = &r;
  ASSERT_NE(cold_route, nullptr);
  // Find the stop of P1 (3 parcels) and the cold stop.
  int64_t p1_stop = 0, cold_stop = 0;
  for (const auto& r : plan->routes)
    for (const auto& s : r.stops) {
      if (s.node_id == p1_ && !s.cold) p1_stop = s.id;
      if (s.cold) cold_stop = s.id;
    }
  ASSERT_NE(p1_stop, 0);
  // Out to the unassigned and back into the cold truck at the front.
  auto out = MoveStop(D(), town_, plan->id, p1_stop, std::nullopt, std::nullopt);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->unassigned.size(), 1u);
  EXPECT_EQ(out->unassigned[0].reason, "调度员移出");
  EXPECT_FALSE(out->unassigned[0].arrival_s.has_value());
  auto back = MoveStop(D(), town_, plan->id, p1_stop, cold_route->id, 1);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->unassigned.empty());
  const PlanRoute* cr = nullptr;
  for (const auto& r : back->routes)
    if (r.id == cold_route->id) cr = &r;
  ASSERT_NE(cr, nullptr);
  EXPECT_EQ(cr->stops.front().id, p1_stop);
  EXPECT_EQ(cr->stops.front().seq, 1);
  EXPECT_GE(*cr->stops.front().arrival_s, 8 * 3600);
  // The cold stop cannot go to the van (not cold); if there is a van route.
  if (van_route) {
    auto refused = MoveStop(D(), town_, plan->id, cold_stop, van_route->id, std::nullopt);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  }
  // A locked route keeps its stops.
  ASSERT_TRUE(LockRoute(D(), town_, plan->id, cold_route->id, true).ok());
  auto locked = MoveStop(D(), town_, plan->id, p1_stop, std::nullopt, std::nullopt);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kConflict);
  // Another town's clerk: not found. Publishing fixes the plan; again changes nothing.
  EXPECT_EQ(PublishPlan(D(), other_town_, plan->id).error().code, ErrorCode::kNotFound);
  auto pub = PublishPlan(D(), town_, plan->id);
  ASSERT_TRUE(pub.ok()) << pub.error().message;
  EXPECT_EQ(pub->status, "published");
  EXPECT_TRUE(PublishPlan(D(), town_, plan->id).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.daily_plan.publish'"),
            1);
  EXPECT_EQ(LockRoute(D(), town_, plan->id, cold_route->id, false).error().code,
            ErrorCode::kConflict);
  // Drivers read plans but do not make or publish them.
  EXPECT_EQ(PublishPlan(D(), driver_, plan->id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Plan(driver_).error().code, ErrorCode::kForbidden);
}

// Eight more parcels for P2 (9 in all): the van (4 parcels) can only take P1's 3, the truck
// (10) P2's 9; neither stop fits on the other vehicle.
TEST_F(DailyPlanTest, CapacityIsCheckedOnAMove) {
  for (int i = 0; i < 8; ++i) Arrive("B000" + std::to_string(i + 2), "P2");
  auto plan = Plan(town_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->routes.size(), 2u);
  ASSERT_TRUE(plan->unassigned.empty());
  for (const auto& r : plan->routes) {
    ASSERT_EQ(r.stops.size(), 1u);
    EXPECT_EQ(r.stops[0].parcels, r.vehicle_id == van_ ? 3 : 9);
  }
  const PlanRoute& a = plan->routes[0];
  const PlanRoute& b = plan->routes[1];
  for (auto [stop, route] : {std::pair{a.stops[0].id, b.id}, std::pair{b.stops[0].id, a.id}}) {
    auto m = MoveStop(D(), town_, plan->id, stop, route, std::nullopt);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().code, ErrorCode::kConflict);
    EXPECT_NE(m.error().message.find("件数载量"), std::string::npos) << m.error().message;
  }
}

// Re-solving around a locked route: the van (P1's 3 parcels) is locked, P2's 9 are moved out to
// the unassigned; solving again routes them on the truck and leaves the van's route as it was.
// With both routes locked nothing is free to take an unassigned stop.
TEST_F(DailyPlanTest, ResolveKeepsLockedRoutes) {
  for (int i = 0; i < 8; ++i) Arrive("B000" + std::to_string(i + 2), "P2");
  auto plan = Plan(town_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->routes.size(), 2u);
  const PlanRoute& van = plan->routes[0].vehicle_id == van_ ? plan->routes[0] : plan->routes[1];
  const PlanRoute& truck = plan->routes[0].vehicle_id == van_ ? plan->routes[1] : plan->routes[0];
  const int64_t van_route = van.id, van_stop = van.stops[0].id, p2_stop = truck.stops[0].id;
  ASSERT_TRUE(LockRoute(D(), town_, plan->id, van_route, true).ok());
  ASSERT_TRUE(MoveStop(D(), town_, plan->id, p2_stop, std::nullopt, std::nullopt).ok());
  PlanOptions o;
  o.max_iterations = 300;
  auto again = ResolvePlan(D(), town_, plan->id, o);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->unassigned.empty());
  ASSERT_EQ(again->routes.size(), 2u);
  for (const auto& r : again->routes) {
    ASSERT_EQ(r.stops.size(), 1u);
    if (r.vehicle_id == van_) {
      EXPECT_EQ(r.id, van_route);
      EXPECT_TRUE(r.locked);
      EXPECT_EQ(r.stops[0].id, van_stop);
    } else {
      EXPECT_EQ(r.vehicle_id, cold_);
      EXPECT_EQ(r.stops[0].id, p2_stop);
      EXPECT_TRUE(r.stops[0].arrival_s.has_value());
    }
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_daily_routes"), 2);
  // Both locked, P2 out again: it stays unassigned, for want of a free vehicle.
  int64_t truck_route = 0;
  for (const auto& r : again->routes)
    if (r.vehicle_id == cold_) truck_route = r.id;
  ASSERT_TRUE(MoveStop(D(), town_, plan->id, p2_stop, std::nullopt, std::nullopt).ok());
  ASSERT_TRUE(LockRoute(D(), town_, plan->id, truck_route, true).ok());
  auto stuck = ResolvePlan(D(), town_, plan->id, o);
  ASSERT_TRUE(stuck.ok()) << stuck.error().message;
  ASSERT_EQ(stuck->unassigned.size(), 1u);
  EXPECT_EQ(stuck->unassigned[0].reason, "该网点没有可用车辆");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.daily_plan.resolve'"),
            2);
  ASSERT_TRUE(PublishPlan(D(), town_, plan->id).ok());
  EXPECT_EQ(ResolvePlan(D(), town_, plan->id, o).error().code, ErrorCode::kConflict);
}

// The driver confirms the stop of P1 (three parcels): one is a problem. The same key again
// (the phone's queue sending twice) writes nothing; a key of another stop is refused.
TEST_F(DailyPlanTest, DriverConfirmsAStopOnce) {
  PickupInput pk{p1_, CivilDate(2023, 11, 14), 2, 20, false, ""};
  ASSERT_TRUE(CreatePickup(D(), town_, pk).ok());
  auto plan = Plan(town_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  const PlanStop* p1 = nullptr;
  for (const auto& r : plan->routes)
    for (const auto& st : r.stops)
      if (st.node_id == p1_) p1 = &st;
  ASSERT_NE(p1, nullptr);
  ASSERT_EQ(p1->waybills.size(), 3u);
  EXPECT_EQ(p1->waybills[0].waybill_no, "A0001");
  StopConfirmation c;
  c.client_key = "phone-0001-aaaa";
  c.confirmed_at = "2023-11-14 07:55";
  c.problem_waybill_ids = {p1->waybills[2].id};
  c.problem_reason = "收件人不在家";
  // A draft is not confirmed yet.
  EXPECT_EQ(ConfirmStop(D(), driver_, plan->id, p1->id, c).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(PublishPlan(D(), town_, plan->id).ok());
  auto first = ConfirmStop(D(), driver_, plan->id, p1->id, c);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(first->outcome, "partial");
  EXPECT_EQ(first->signed_count, 2);
  EXPECT_EQ(first->problems, 1);
  EXPECT_EQ(first->pickups_collected, 1);
  const int64_t events = Count("SELECT COUNT(*) FROM logistics_scan_events");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE source = 'driver'"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_waybills WHERE state = 'signed'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_pickups WHERE status = 'collected'"), 1);
  auto again = ConfirmStop(D(), driver_, plan->id, p1->id, c);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->confirmation_id, first->confirmation_id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events"), events);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_stop_confirmations"), 1);
  // The key of this stop for another stop; a bad key; another town's clerk.
  const PlanStop* other = nullptr;
  for (const auto& r : plan->routes)
    for (const auto& st : r.stops)
      if (st.id != p1->id) other = &st;
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(ConfirmStop(D(), driver_, plan->id, other->id, c).error().field, "client_key");
  c.client_key = "short";
  EXPECT_EQ(ConfirmStop(D(), driver_, plan->id, p1->id, c).error().field, "client_key");
  c.client_key = "phone-0002-bbbb";
  EXPECT_EQ(ConfirmStop(D(), other_town_, plan->id, p1->id, c).error().code, ErrorCode::kNotFound);
  // The plan shows the stop confirmed.
  auto read = GetDailyPlan(D(), driver_, plan->id);
  ASSERT_TRUE(read.ok());
  for (const auto& r : read->routes)
    for (const auto& st : r.stops) EXPECT_EQ(st.confirmed_at.has_value(), st.id == p1->id);
}

}  // namespace
}  // namespace ruralec::logistics
