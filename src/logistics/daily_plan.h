// The daily co-delivery plan (统仓共配, issue 22 item 5; docs/LOGISTICS.md "Daily co-delivery
// plan"): from the parcels waiting at a region's county centre and town hubs and the day's pickup
// requests, one routing problem per depot, solved by the routing solver; the plan is stored,
// reviewed (routes with their stops), adjusted (move a stop, lock a route) and published.
//
// Contract:
//  - Waiting parcels: downlink waybills whose state is 到达 (arrived) at a county centre or town
//    hub of the plan's region; their village point is the next node of their latest event naming
//    a village point (发往/到达 … next node). A parcel without one is counted, not routed.
//  - Pickups (logistics_pickups): pieces and kg of uplink goods at a village point on a day, cold
//    or not; a plan takes the open pickups of its date and marks them planned.
//  - Stops: one per (depot, village point) with its parcels and non-cold pickups; cold pickups
//    make a stop of their own. A pickup goes to the depot of its village's town hub when that
//    hub has vehicles in the plan, else to the county centre's; a cold pickup to the first of
//    them with a cold vehicle.
//  - Problem per depot: the depot's active vehicles (home node; a vehicle without one belongs to
//    the region's county centre), dimensions [pieces, kg, cold kg]: a parcel weighs the
//    county's `logistics.parcel_kg`; a cold vehicle carries cold kg up to its kg capacity, any
//    other none, so cold goods ride cold vehicles only. Time windows: the point's opening hours
//    (none: all day), the depot's, the vehicle's shift. Service 3 min + 30 s a piece. Distances:
//    haversine × the county's road factor (`logistics.road_factor_permille`, default 1.4),
//    driving at `logistics.speed_kmh`. A point or depot without coordinates, a depot without
//    vehicles, a stop the solver leaves unserved: unassigned, with the reason.
//  - Review: a draft plan's stop moves to another route of the same depot (or out, to the
//    unassigned), at a position; neither route may be locked, a cold stop needs a cold vehicle,
//    and a vehicle's parcel and kg capacities hold. The two routes are rescheduled (distance,
//    arrivals) from the stored coordinates. A route is locked and unlocked. Publishing fixes
//    the plan (no more moves or locks); publishing again changes nothing. A draft is solved
//    again around its locked routes (their vehicles and stops kept).
//  - Scope: a plan belongs to a region in the planner's scope; reads of another region's plan
//    are "not found". Writes need logistics:plan:create (publish: logistics:plan:publish);
//    every write is audited in its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "account/account.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "logistics/network.h"
#include "routing/model.h"
#include "settings/settings.h"

namespace ruralec::logistics {

// County parameters (参数设置) of the plan.
const settings::ParamDef& RoadFactorParam();  // logistics.road_factor_permille, 1400
const settings::ParamDef& SpeedParam();       // logistics.speed_kmh, 40
const settings::ParamDef& ParcelKgParam();    // logistics.parcel_kg, 1

// ---- pickups ----

struct PickupInput {
  int64_t node_id = 0;  // a village point
  CivilDate date;
  int64_t pieces = 0, kg = 0;
  bool cold = false;
  std::string note;
};

struct Pickup {
  int64_t id = 0;
  RegionCode region;  // the point's village
  int64_t node_id = 0;
  std::string node_name;
  CivilDate date;
  int64_t pieces = 0, kg = 0;
  bool cold = false;
  std::string note, status;  // open | planned | cancelled
  std::optional<int64_t> plan_id;
  int64_t created_at = 0;
};

Result<Pickup> CreatePickup(const Deps& d, const account::Principal& who, const PickupInput& in);
Result<Page<Pickup>> ListPickups(const Deps& d, const account::Principal& who, RegionCode region,
                                 std::optional<CivilDate> date, const PageRequest& page);

// ---- building the problem (pure) ----

struct WaitingParcel {
  int64_t waybill_id = 0;
  int64_t depot_node_id = 0;             // where it waits
  std::optional<int64_t> point_node_id;  // where it goes
};

struct PlanSettings {
  int64_t road_factor_permille = 1400, speed_kmh = 40, parcel_kg = 1;
};

struct PlanInputs {
  std::vector<Node> nodes;  // the region's active nodes (depots and points)
  std::vector<Vehicle> vehicles;
  std::vector<WaitingParcel> parcels;
  std::vector<Pickup> pickups;
  PlanSettings settings;
};

struct StopDraft {
  int64_t depot_node_id = 0, node_id = 0;
  int64_t parcels = 0, pickup_pieces = 0, pickup_kg = 0;
  bool cold = false;
  std::vector<int64_t> waybill_ids, pickup_ids;
  // Filled by the solve: the route (index into SolvedPlan::routes), its order and arrival.
  std::optional<size_t> route;
  int seq = 0;
  std::optional<int64_t> arrival_s;
  std::string reason;  // why unassigned
};

struct DepotProblem {
  int64_t depot_node_id = 0;
  routing::Problem problem;
  std::vector<size_t> stops;         // problem stop i → StopDraft index
  std::vector<int64_t> vehicle_ids;  // problem vehicle j → vehicle id
};

struct Built {
  std::vector<StopDraft> stops;
  std::vector<DepotProblem> problems;
  int64_t parcels = 0, parcels_without_point = 0, pickups = 0;
};
Built BuildProblems(const PlanInputs& in);
// The problems of stops already made (a re-solve): stops whose depot or point is no longer an
// active node get the reason 网点已停用 and stay out.
Built BuildFromStops(const std::vector<Node>& nodes, const std::vector<Vehicle>& vehicles,
                     const PlanSettings& settings, std::vector<StopDraft> stops);

struct RouteDraft {
  int64_t vehicle_id = 0, depot_node_id = 0;
  int64_t distance_m = 0, departure_s = 0, return_s = 0;
};
struct SolvedPlan {
  std::vector<RouteDraft> routes;
};
// Reads a depot problem's solution into the drafts (routes appended; unserved stops get the
// reason 求解未能安排).
void ApplySolution(const DepotProblem& dp, const routing::Solution& sol, Built& built,
                   SolvedPlan& plan);

struct PlanOptions {
  double time_limit_seconds = 5;  // per plan, shared by its depots
  int64_t max_iterations = -1;    // >= 0: reproducible
  uint64_t seed = 1;
};

// BuildProblems, then each depot's problem solved (routing::Solve) and applied.
Result<std::pair<Built, SolvedPlan>> SolvePlan(const PlanInputs& in, const PlanOptions& o);
// Solves each depot's problem of `built` (the time shared in proportion to the stops).
Result<SolvedPlan> SolveBuilt(Built& built, const PlanOptions& o);

// ---- the stored plan ----

struct WaybillRef {
  int64_t id = 0;
  std::string carrier, waybill_no;
};

struct PlanStop {
  int64_t id = 0;
  std::optional<int64_t> route_id;
  int seq = 0;
  int64_t depot_node_id = 0, node_id = 0;
  std::string node_code, node_name, region_name;
  RegionCode region;
  std::optional<Point> point;
  std::optional<Hours> hours;
  int64_t parcels = 0, pickup_pieces = 0, pickup_kg = 0;
  bool cold = false;
  std::vector<int64_t> waybill_ids, pickup_ids;
  std::optional<int64_t> arrival_s;
  std::string reason;
  std::vector<WaybillRef> waybills;     // filled on a read: carrier and number of each parcel
  std::optional<int64_t> confirmed_at;  // the driver's latest confirmation (UTC ms)
};

struct PlanRoute {
  int64_t id = 0;
  int seq = 0;
  int64_t vehicle_id = 0;
  std::string plate;
  bool cold_vehicle = false;
  std::optional<int64_t> capacity_parcels, capacity_kg;
  int64_t depot_node_id = 0;
  std::string depot_name;
  bool locked = false;
  int64_t distance_m = 0, departure_s = 0, return_s = 0;
  std::vector<PlanStop> stops;
};

struct DailyPlan {
  int64_t id = 0;
  RegionCode region;
  CivilDate date;
  std::string status;  // draft | published
  std::optional<int64_t> job_id;
  int64_t road_factor_permille = 0, speed_kmh = 0;
  int64_t parcels = 0, pickups = 0;
  int64_t created_by = 0, created_at = 0, updated_at = 0;
  std::optional<int64_t> published_at;
  std::vector<PlanRoute> routes;
  std::vector<PlanStop> unassigned;
};

// Builds, solves and stores the plan of `region` (in the caller's scope) for `date`.
Result<DailyPlan> CreateDailyPlan(const Deps& d, const account::Principal& who,
                                  const RegionCode& region, CivilDate date,
                                  const PlanOptions& options);
Result<DailyPlan> GetDailyPlan(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<DailyPlan>> ListDailyPlans(const Deps& d, const account::Principal& who,
                                       RegionCode region, std::optional<CivilDate> date,
                                       const PageRequest& page);
// Moves a stop to `route_id` (nullopt: unassigned) at 1-based `position` (nullopt: the end).
Result<DailyPlan> MoveStop(const Deps& d, const account::Principal& who, int64_t plan_id,
                           int64_t stop_id, std::optional<int64_t> route_id,
                           std::optional<int> position);
Result<DailyPlan> LockRoute(const Deps& d, const account::Principal& who, int64_t plan_id,
                            int64_t route_id, bool locked);
Result<DailyPlan> PublishPlan(const Deps& d, const account::Principal& who, int64_t plan_id);
// Solves a draft again around its locked routes: their vehicles and stops stay; every other stop
// (on an unlocked route or unassigned) is routed anew with the depots' other active vehicles.
Result<DailyPlan> ResolvePlan(const Deps& d, const account::Principal& who, int64_t plan_id,
                              const PlanOptions& options);

// ---- the driver's confirmation (item 6) ----

// A driver's confirmation of a stop of a published plan, sent from the phone (possibly later,
// from its offline queue). Idempotent by client_key (8–64 of A-Z a-z 0-9 - _, unique in the
// county): the same key again writes nothing and answers the stored confirmation; a key used for
// another stop is a conflict. The stop's parcels are signed (签收) at its point at confirmed_at
// (the moment on the phone; default now), except `problem_waybill_ids`, which get a 问题件 with
// `problem_reason`; its pickups become collected when picked_up. Scan events go through the
// ledger (source driver, dedupe key): needs logistics:parcel:ingest.
struct StopConfirmation {
  std::string client_key, confirmed_at;
  std::vector<int64_t> problem_waybill_ids;
  std::string problem_reason, note;
  bool picked_up = true;
};
struct ConfirmOutcome {
  bool duplicate = false;
  int64_t confirmation_id = 0, stop_id = 0;
  std::string outcome;  // delivered | partial | problem | visited
  int64_t signed_count = 0, problems = 0, pickups_collected = 0;
};
Result<ConfirmOutcome> ConfirmStop(const Deps& d, const account::Principal& who, int64_t plan_id,
                                   int64_t stop_id, const StopConfirmation& c);

// Reschedules a route from its depot through `stops` in order (pure): arrivals (waiting for a
// window's opening), distance and return; departure kept.
void Reschedule(const Point& depot, const PlanSettings& s, PlanRoute& route);

}  // namespace ruralec::logistics
