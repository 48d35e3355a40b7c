// The SQL of daily plans and pickups (logistics_pickups, logistics_daily_plans,
// logistics_daily_routes, logistics_daily_stops) and the reads of waiting parcels. No rules:
// daily_plan.cc has checked permission and scope. The caller's connection and transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "logistics/daily_plan.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::logistics::store {

// Downlink waybills of `county` in state arrived at a county centre or town hub of `region`,
// with the village point of their latest event naming one as next node.
Result<std::vector<WaitingParcel>> WaitingParcels(storage::Connection& conn,
                                                  const RegionCode& region);
// Every active node and vehicle of the subtree.
Result<std::vector<Node>> ActiveNodes(storage::Connection& conn, const RegionCode& region);
Result<std::vector<Vehicle>> ActiveVehicles(storage::Connection& conn, const RegionCode& region);

Result<int64_t> InsertPickup(storage::Connection& conn, const PickupInput& in,
                             const RegionCode& region, storage::Stamp stamp);
Result<Pickup> GetPickup(storage::Connection& conn, int64_t id);
// Open pickups of the subtree for `date`.
Result<std::vector<Pickup>> OpenPickups(storage::Connection& conn, const RegionCode& region,
                                        CivilDate date);
Result<Page<Pickup>> ListPickups(storage::Connection& conn, const RegionCode& region,
                                 std::optional<CivilDate> date, const PageRequest& page);
Status MarkPickupsPlanned(storage::Connection& conn, const std::vector<int64_t>& ids,
                          int64_t plan_id, int64_t now_ms);

Result<int64_t> InsertPlan(storage::Connection& conn, const DailyPlan& p);
Result<int64_t> InsertRoute(storage::Connection& conn, int64_t plan_id, const RegionCode& county,
                            const PlanRoute& r);
Result<int64_t> InsertStop(storage::Connection& conn, int64_t plan_id, const RegionCode& county,
                           const PlanStop& s);
// The plan row (routes and stops empty); kNotFound when absent.
Result<DailyPlan> GetPlan(storage::Connection& conn, int64_t id);
// Its routes (stops empty, vehicle and depot names not filled) and all its stops (node fields
// not filled), in order.
Result<std::vector<PlanRoute>> PlanRoutes(storage::Connection& conn, int64_t plan_id);
Result<std::vector<PlanStop>> PlanStops(storage::Connection& conn, int64_t plan_id);
Result<Page<DailyPlan>> ListPlans(storage::Connection& conn, const RegionCode& region,
                                  std::optional<CivilDate> date, const PageRequest& page);

Status UpdateStop(storage::Connection& conn, const PlanStop& s);
Status UpdateRoute(storage::Connection& conn, const PlanRoute& r);
Status TouchPlan(storage::Connection& conn, int64_t id, int64_t now_ms);
// Deletes routes no stop names any more.
Status DeleteRoutes(storage::Connection& conn, const std::vector<int64_t>& ids);
Status PublishPlan(storage::Connection& conn, int64_t id, storage::Stamp stamp);

// Carrier and number of the waybills of `ids`, by id (500 ids a statement).
Result<std::map<int64_t, WaybillRef>> WaybillRefs(storage::Connection& conn,
                                                  const std::vector<int64_t>& ids);
// The latest confirmation time of each confirmed stop of the plan.
Result<std::map<int64_t, int64_t>> ConfirmedStops(storage::Connection& conn, int64_t plan_id);
struct ConfirmationRow {
  int64_t id = 0, stop_id = 0;
  std::string outcome;
};
Result<std::optional<ConfirmationRow>> FindConfirmation(storage::Connection& conn,
                                                        const RegionCode& county,
                                                        const std::string& key);
Result<int64_t> InsertConfirmation(storage::Connection& conn, const RegionCode& county,
                                   int64_t stop_id, const std::string& key,
                                   const std::string& outcome, const std::string& note,
                                   storage::Stamp stamp);
Status MarkPickupsCollected(storage::Connection& conn, const std::vector<int64_t>& ids,
                            int64_t now_ms);

}  // namespace ruralec::logistics::store
