// Solving a draft plan again around its locked routes (daily_plan.h ResolvePlan): the locked
// routes keep their vehicles and stops; every other stop is routed anew, in one transaction.
#include <algorithm>
#include <set>

#include "account/stamp.h"
#include "logistics/daily_plan.h"
#include "logistics/daily_plan_internal.h"
#include "logistics/daily_plan_store.h"

namespace ruralec::logistics {
namespace {

StopDraft DraftOf(const PlanStop& s) {
  StopDraft x;
  x.depot_node_id = s.depot_node_id;
  x.node_id = s.node_id;
  x.parcels = s.parcels;
  x.pickup_pieces = s.pickup_pieces;
  x.pickup_kg = s.pickup_kg;
  x.cold = s.cold;
  x.waybill_ids = s.waybill_ids;
  x.pickup_ids = s.pickup_ids;
  return x;
}

struct Free {
  std::vector<StopDraft> drafts;
  std::vector<int64_t> stop_ids;    // drafts[i] is stop stop_ids[i]
  std::vector<int64_t> old_routes;  // the unlocked routes, replaced
  std::set<int64_t> locked_vehicles;
  int last_seq = 0;  // of the locked routes
};

Free FreeStops(const DailyPlan& p) {
  Free f;
  auto take = [&f](const PlanStop& s) {
    f.drafts.push_back(DraftOf(s));
    f.stop_ids.push_back(s.id);
  };
  for (const auto& r : p.routes) {
    if (r.locked) {
      f.locked_vehicles.insert(r.vehicle_id);
      f.last_seq = std::max(f.last_seq, r.seq);
      continue;
    }
    f.old_routes.push_back(r.id);
    for (const auto& s : r.stops) take(s);
  }
  for (const auto& s : p.unassigned) take(s);
  return f;
}

Status Store(storage::Connection& conn, const DailyPlan& p, const Free& f, const Built& built,
             const SolvedPlan& solved) {
  const RegionCode county = p.region.county();
  std::vector<int64_t> route_ids;
  int seq = f.last_seq;
  for (const auto& r : solved.routes) {
    PlanRoute pr;
    pr.seq = ++seq;
    pr.vehicle_id = r.vehicle_id;
    pr.depot_node_id = r.depot_node_id;
    pr.distance_m = r.distance_m;
    pr.departure_s = r.departure_s;
    pr.return_s = r.return_s;
    ASSIGN_OR_RETURN(int64_t id, store::InsertRoute(conn, p.id, county, pr));
    route_ids.push_back(id);
  }
  int unassigned = 0;
  for (size_t i = 0; i < built.stops.size(); ++i) {
    const StopDraft& d = built.stops[i];
    PlanStop s;
    s.id = f.stop_ids[i];
    if (d.route) {
      s.route_id = route_ids[*d.route];
      s.seq = d.seq;
      s.arrival_s = d.arrival_s;
    } else {
      s.seq = ++unassigned;
      s.reason = d.reason.empty() ? "未安排" : d.reason;
    }
    RETURN_IF_ERROR(store::UpdateStop(conn, s));
  }
  return store::DeleteRoutes(conn, f.old_routes);
}

}  // namespace

Result<DailyPlan> ResolvePlan(const Deps& d, const account::Principal& who, int64_t plan_id,
                              const PlanOptions& options) {
  if (!who.Can("logistics:plan:create")) return Error::Forbidden("没有调整配送计划的权限");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(DailyPlan p, internal::LoadPlan(*conn, who, plan_id));
  if (p.status != "draft") return Error::Conflict("配送计划已发布，不能再调整");
  Free f = FreeStops(p);
  ASSIGN_OR_RETURN(auto nodes, store::ActiveNodes(*conn, p.region));
  ASSIGN_OR_RETURN(auto vehicles, store::ActiveVehicles(*conn, p.region));
  std::erase_if(vehicles, [&](const Vehicle& v) { return f.locked_vehicles.count(v.id) > 0; });
  ASSIGN_OR_RETURN(int64_t kg, settings::IntParam(*conn, p.region.county(), ParcelKgParam()));
  Built built = BuildFromStops(nodes, vehicles, {p.road_factor_permille, p.speed_kmh, kg},
                               std::move(f.drafts));
  ASSIGN_OR_RETURN(SolvedPlan solved, SolveBuilt(built, options));
  return storage::InTransaction<DailyPlan>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DailyPlan> {
        ASSIGN_OR_RETURN(DailyPlan cur, internal::LoadPlan(*conn, who, plan_id));
        if (cur.status != "draft") return Error::Conflict("配送计划已发布，不能再调整");
        if (cur.updated_at != p.updated_at)
          return Error::Conflict("计划在求解期间已被调整，请刷新后重试");
        RETURN_IF_ERROR(Store(*conn, p, f, built, solved));
        RETURN_IF_ERROR(store::TouchPlan(*conn, plan_id, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn,
            account::AuditOf(who, "logistics.daily_plan.resolve", "logistics_daily_plan", plan_id,
                             "locked=" + std::to_string(f.locked_vehicles.size()) +
                                 " stops=" + std::to_string(built.stops.size()) +
                                 " routes=" + std::to_string(solved.routes.size()))));
        return internal::LoadPlan(*conn, who, plan_id);
      });
}

}  // namespace ruralec::logistics
