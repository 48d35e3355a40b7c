#include "logistics/daily_plan_store.h"

#include <algorithm>

#include "logistics/network_store.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

const storage::Columns kPickup(
    "id, region_code, node_id, pickup_date, pieces, kg, cold, note, status, plan_id, created_at");

Result<Pickup> PickupFrom(const storage::Row& row) {
  storage::NamedRow r(row, kPickup);
  Pickup p;
  p.id = r.Int("id");
  ASSIGN_OR_RETURN(p.region, RegionCode::Parse(r.Text("region_code")));
  p.node_id = r.Int("node_id");
  ASSIGN_OR_RETURN(p.date, CivilDate::Parse(r.Text("pickup_date")));
  p.pieces = r.Int("pieces");
  p.kg = r.Int("kg");
  p.cold = r.Bool("cold");
  p.note = r.Text("note");
  p.status = r.Text("status");
  p.plan_id = r.OptInt("plan_id");
  p.created_at = r.Int("created_at");
  return p;
}

const storage::Columns kPlan(
    "id, region_code, plan_date, status, job_id, road_factor_permille, speed_kmh, parcels, "
    "pickups, created_by, created_at, updated_at, published_at");

Result<DailyPlan> PlanFrom(const storage::Row& row) {
  storage::NamedRow r(row, kPlan);
  DailyPlan p;
  p.id = r.Int("id");
  ASSIGN_OR_RETURN(p.region, RegionCode::Parse(r.Text("region_code")));
  ASSIGN_OR_RETURN(p.date, CivilDate::Parse(r.Text("plan_date")));
  p.status = r.Text("status");
  p.job_id = r.OptInt("job_id");
  p.road_factor_permille = r.Int("road_factor_permille");
  p.speed_kmh = r.Int("speed_kmh");
  p.parcels = r.Int("parcels");
  p.pickups = r.Int("pickups");
  p.created_by = r.Int("created_by");
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  p.published_at = r.OptInt("published_at");
  return p;
}

const storage::Columns kRoute(
    "id, seq, vehicle_id, depot_node_id, locked, distance_m, departure_s, return_s");
const storage::Columns kStop(
    "id, route_id, seq, depot_node_id, node_id, parcels, pickup_pieces, pickup_kg, cold, "
    "waybill_ids, pickup_ids, arrival_s, reason");

Status Done(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

std::vector<int64_t> Ids(const std::string& column) {
  std::vector<int64_t> out;
  for (const auto& s : storage::SplitList(column)) out.push_back(std::stoll(s));
  return out;
}

std::string IdList(const std::vector<int64_t>& ids) {
  std::vector<std::string> s;
  for (int64_t id : ids) s.push_back(std::to_string(id));
  return storage::JoinedList(s);
}

}  // namespace

Result<std::vector<WaitingParcel>> WaitingParcels(storage::Connection& conn,
                                                  const RegionCode& region) {
  storage::Where w;
  w.Eq("w.county_code", region.county().str());
  w.Eq("w.direction", std::string("downlink"));
  w.Eq("w.state", std::string("arrived"));
  w.Sql("h.level IN ('county_centre', 'town_hub')");
  w.InSubtree("h.region_code", region);
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT w.id, w.state_node_id, (SELECT e.next_node_id FROM "
                 "logistics_scan_events e JOIN logistics_nodes p ON p.id = e.next_node_id "
                 "WHERE e.waybill_id = w.id AND p.level = 'village_point' "
                 "ORDER BY e.scanned_at DESC, e.id DESC LIMIT 1) "
                 "FROM logistics_waybills w JOIN logistics_nodes h ON h.id = w.state_node_id" +
                     w.Clause() + " ORDER BY w.id",
                 w.params()));
  std::vector<WaitingParcel> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.OptInt(2)});
  return out;
}

Result<std::vector<Node>> ActiveNodes(storage::Connection& conn, const RegionCode& region) {
  NodeFilter f;
  f.region = region;
  f.active = true;
  PageRequest page{1, 1'000'000};
  ASSIGN_OR_RETURN(Page<Node> nodes, ListNodes(conn, f, page));
  return nodes.items;
}

Result<std::vector<Vehicle>> ActiveVehicles(storage::Connection& conn, const RegionCode& region) {
  PageRequest page{1, 1'000'000};
  ASSIGN_OR_RETURN(Page<Vehicle> all, ListVehicles(conn, region, "", page));
  std::vector<Vehicle> out;
  for (auto& v : all.items)
    if (v.active) out.push_back(std::move(v));
  return out;
}

Result<int64_t> InsertPickup(storage::Connection& conn, const PickupInput& in,
                             const RegionCode& region, storage::Stamp stamp) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOne("INSERT INTO logistics_pickups (county_code, region_code, node_id, "
                    "pickup_date, pieces, kg, cold, note, status, created_by, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
                    {region.county().str(), region.str(), in.node_id, in.date.ToString(), in.pieces,
                     in.kg, int64_t{in.cold ? 1 : 0}, in.note, storage::OrNull(stamp.by),
                     stamp.now_ms, stamp.now_ms},
                    "logistics_pickups insert"));
  return row.Int(0);
}

Result<Pickup> GetPickup(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional(
                       "SELECT " + kPickup.List() + " FROM logistics_pickups WHERE id = ?", {id}));
  if (!row) return Error::NotFound("揽收需求 " + std::to_string(id) + " 不存在");
  return PickupFrom(*row);
}

Result<std::vector<Pickup>> OpenPickups(storage::Connection& conn, const RegionCode& region,
                                        CivilDate date) {
  storage::Where w;
  w.Eq("county_code", region.county().str());
  w.Eq("pickup_date", date.ToString());
  w.Eq("status", std::string("open"));
  w.InSubtree("region_code", region);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kPickup.List() + " FROM logistics_pickups" +
                                             w.Clause() + " ORDER BY id",
                                         w.params()));
  std::vector<Pickup> out;
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(Pickup p, PickupFrom(r));
    out.push_back(std::move(p));
  }
  return out;
}

Result<Page<Pickup>> ListPickups(storage::Connection& conn, const RegionCode& region,
                                 std::optional<CivilDate> date, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", region);
  if (date) w.Eq("pickup_date", date->ToString());
  return storage::QueryPage<Pickup>(conn, kPickup.List(), "FROM logistics_pickups", w,
                                    " ORDER BY pickup_date DESC, id DESC", page, PickupFrom);
}

Status MarkPickupsPlanned(storage::Connection& conn, const std::vector<int64_t>& ids,
                          int64_t plan_id, int64_t now_ms) {
  for (int64_t id : ids) {
    RETURN_IF_ERROR(
        Done(conn.Exec("UPDATE logistics_pickups SET status = 'planned', plan_id = ?, "
                       "updated_at = ? WHERE id = ? AND status = 'open'",
                       {plan_id, now_ms, id})));
  }
  return {};
}

Result<int64_t> InsertPlan(storage::Connection& conn, const DailyPlan& p) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOne("INSERT INTO logistics_daily_plans (county_code, region_code, plan_date, "
                    "status, job_id, road_factor_permille, speed_kmh, parcels, pickups, "
                    "created_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, "
                    "?, ?, ?, ?) RETURNING id",
                    {p.region.county().str(), p.region.str(), p.date.ToString(),
                     storage::OrNull(p.job_id), p.road_factor_permille, p.speed_kmh, p.parcels,
                     p.pickups, p.created_by, p.created_at, p.created_at},
                    "logistics_daily_plans insert"));
  return row.Int(0);
}

Result<int64_t> InsertRoute(storage::Connection& conn, int64_t plan_id, const RegionCode& county,
                            const PlanRoute& r) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOne("INSERT INTO logistics_daily_routes (plan_id, county_code, seq, vehicle_id, "
                    "depot_node_id, locked, distance_m, departure_s, return_s) VALUES (?, ?, ?, "
                    "?, ?, 0, ?, ?, ?) RETURNING id",
                    {plan_id, county.str(), int64_t{r.seq}, r.vehicle_id, r.depot_node_id,
                     r.distance_m, r.departure_s, r.return_s},
                    "logistics_daily_routes insert"));
  return row.Int(0);
}

Result<int64_t> InsertStop(storage::Connection& conn, int64_t plan_id, const RegionCode& county,
                           const PlanStop& s) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOne(
          "INSERT INTO logistics_daily_stops (plan_id, county_code, route_id, seq, "
          "depot_node_id, node_id, parcels, pickup_pieces, pickup_kg, cold, "
          "waybill_ids, pickup_ids, arrival_s, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?) RETURNING id",
          {plan_id, county.str(), storage::OrNull(s.route_id), int64_t{s.seq}, s.depot_node_id,
           s.node_id, s.parcels, s.pickup_pieces, s.pickup_kg, int64_t{s.cold ? 1 : 0},
           IdList(s.waybill_ids), IdList(s.pickup_ids), storage::OrNull(s.arrival_s), s.reason},
          "logistics_daily_stops insert"));
  return row.Int(0);
}

Result<DailyPlan> GetPlan(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional(
                    "SELECT " + kPlan.List() + " FROM logistics_daily_plans WHERE id = ?", {id}));
  if (!row) return Error::NotFound("配送计划 " + std::to_string(id) + " 不存在");
  return PlanFrom(*row);
}

Result<std::vector<PlanRoute>> PlanRoutes(storage::Connection& conn, int64_t plan_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kRoute.List() +
                                             " FROM logistics_daily_routes WHERE plan_id = ? "
                                             "ORDER BY seq, id",
                                         {plan_id}));
  std::vector<PlanRoute> out;
  for (const auto& row : rows) {
    storage::NamedRow r(row, kRoute);
    PlanRoute x;
    x.id = r.Int("id");
    x.seq = static_cast<int>(r.Int("seq"));
    x.vehicle_id = r.Int("vehicle_id");
    x.depot_node_id = r.Int("depot_node_id");
    x.locked = r.Bool("locked");
    x.distance_m = r.Int("distance_m");
    x.departure_s = r.Int("departure_s");
    x.return_s = r.Int("return_s");
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<PlanStop>> PlanStops(storage::Connection& conn, int64_t plan_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kStop.List() +
                                             " FROM logistics_daily_stops WHERE plan_id = ? "
                                             "ORDER BY seq, id",
                                         {plan_id}));
  std::vector<PlanStop> out;
  for (const auto& row : rows) {
    storage::NamedRow r(row, kStop);
    PlanStop s;
    s.id = r.Int("id");
    s.route_id = r.OptInt("route_id");
    s.seq = static_cast<int>(r.Int("seq"));
    s.depot_node_id = r.Int("depot_node_id");
    s.node_id = r.Int("node_id");
    s.parcels = r.Int("parcels");
    s.pickup_pieces = r.Int("pickup_pieces");
    s.pickup_kg = r.Int("pickup_kg");
    s.cold = r.Bool("cold");
    s.waybill_ids = Ids(r.Text("waybill_ids"));
    s.pickup_ids = Ids(r.Text("pickup_ids"));
    s.arrival_s = r.OptInt("arrival_s");
    s.reason = r.Text("reason");
    out.push_back(std::move(s));
  }
  return out;
}

Result<Page<DailyPlan>> ListPlans(storage::Connection& conn, const RegionCode& region,
                                  std::optional<CivilDate> date, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", region);
  if (date) w.Eq("plan_date", date->ToString());
  return storage::QueryPage<DailyPlan>(conn, kPlan.List(), "FROM logistics_daily_plans", w,
                                       " ORDER BY plan_date DESC, id DESC", page, PlanFrom);
}

Status UpdateStop(storage::Connection& conn, const PlanStop& s) {
  return Done(conn.Exec(
      "UPDATE logistics_daily_stops SET route_id = ?, seq = ?, arrival_s = ?, reason = ? "
      "WHERE id = ?",
      {storage::OrNull(s.route_id), int64_t{s.seq}, storage::OrNull(s.arrival_s), s.reason, s.id}));
}

Status UpdateRoute(storage::Connection& conn, const PlanRoute& r) {
  return Done(
      conn.Exec("UPDATE logistics_daily_routes SET locked = ?, distance_m = ?, return_s = ? "
                "WHERE id = ?",
                {int64_t{r.locked ? 1 : 0}, r.distance_m, r.return_s, r.id}));
}

Status TouchPlan(storage::Connection& conn, int64_t id, int64_t now_ms) {
  return Done(
      conn.Exec("UPDATE logistics_daily_plans SET updated_at = ? WHERE id = ?", {now_ms, id}));
}

Status DeleteRoutes(storage::Connection& conn, const std::vector<int64_t>& ids) {
  for (int64_t id : ids)
    RETURN_IF_ERROR(Done(conn.Exec("DELETE FROM logistics_daily_routes WHERE id = ?", {id})));
  return {};
}

Status PublishPlan(storage::Connection& conn, int64_t id, storage::Stamp stamp) {
  return Done(
      conn.Exec("UPDATE logistics_daily_plans SET status = 'published', published_by = ?, "
                "published_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
                {storage::OrNull(stamp.by), stamp.now_ms, stamp.now_ms, id}));
}

Result<std::map<int64_t, WaybillRef>> WaybillRefs(storage::Connection& conn,
                                                  const std::vector<int64_t>& ids) {
  std::map<int64_t, WaybillRef> out;
  for (size_t at = 0; at < ids.size(); at += 500) {
    const size_t n = std::min<size_t>(500, ids.size() - at);
    std::string marks;
    storage::Params p;
    for (size_t i = 0; i < n; ++i) {
      marks += i ? ", ?" : "?";
      p.emplace_back(ids[at + i]);
    }
    ASSIGN_OR_RETURN(
        auto rows,
        conn.Query(
            "SELECT id, carrier, waybill_no FROM logistics_waybills WHERE id IN (" + marks + ")",
            p));
    for (const auto& r : rows) out[r.Int(0)] = {r.Int(0), r.Text(1), r.Text(2)};
  }
  return out;
}

Result<std::map<int64_t, int64_t>> ConfirmedStops(storage::Connection& conn, int64_t plan_id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT c.stop_id, MAX(c.created_at) FROM logistics_stop_confirmations c "
                 "JOIN logistics_daily_stops s ON s.id = c.stop_id WHERE s.plan_id = ? "
                 "GROUP BY c.stop_id",
                 {plan_id}));
  std::map<int64_t, int64_t> out;
  for (const auto& r : rows) out[r.Int(0)] = r.Int(1);
  return out;
}

Result<std::optional<ConfirmationRow>> FindConfirmation(storage::Connection& conn,
                                                        const RegionCode& county,
                                                        const std::string& key) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional("SELECT id, stop_id, outcome FROM "
                                      "logistics_stop_confirmations WHERE county_code = ? "
                                      "AND client_key = ?",
                                      {county.str(), key}));
  if (!row) return std::optional<ConfirmationRow>();
  return std::optional<ConfirmationRow>(ConfirmationRow{row->Int(0), row->Int(1), row->Text(2)});
}

Result<int64_t> InsertConfirmation(storage::Connection& conn, const RegionCode& county,
                                   int64_t stop_id, const std::string& key,
                                   const std::string& outcome, const std::string& note,
                                   storage::Stamp stamp) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOne("INSERT INTO logistics_stop_confirmations (county_code, stop_id, "
                              "client_key, outcome, note, created_by, created_at) VALUES (?, ?, "
                              "?, ?, ?, ?, ?) RETURNING id",
                              {county.str(), stop_id, key, outcome, note, storage::OrNull(stamp.by),
                               stamp.now_ms},
                              "logistics_stop_confirmations insert"));
  return row.Int(0);
}

Status MarkPickupsCollected(storage::Connection& conn, const std::vector<int64_t>& ids,
                            int64_t now_ms) {
  for (int64_t id : ids) {
    RETURN_IF_ERROR(
        Done(conn.Exec("UPDATE logistics_pickups SET status = 'collected', "
                       "updated_at = ? WHERE id = ? AND status = 'planned'",
                       {now_ms, id})));
  }
  return {};
}

}  // namespace ruralec::logistics::store
