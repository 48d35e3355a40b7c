#include "logistics/network_store.h"

#include "storage/figure_changes.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

using storage::OrNull;
using storage::Value;

Value Opt(const std::optional<int64_t>& v) { return OrNull(v); }
Value OptInt(const std::optional<int>& v) {
  if (v) return int64_t{*v};
  return storage::Null{};
}
Value By(const Stamp& s) { return OrNull(s.by); }

const storage::Columns kNode(
    "id, region_code, level, code, name, address, lat_e6, lng_e6, open_min, close_min, "
    "capacity_parcels, carriers, station_id, status, created_at, updated_at");

Result<Node> NodeFrom(const storage::Row& row) {
  storage::NamedRow r(row, kNode);
  Node n;
  n.id = r.Int("id");
  ASSIGN_OR_RETURN(n.region, RegionCode::Parse(r.Text("region_code")));
  ASSIGN_OR_RETURN(n.level, ParseNodeLevel(r.Text("level")));
  n.code = r.Text("code");
  n.name = r.Text("name");
  n.address = r.Text("address");
  auto lat = r.OptInt("lat_e6"), lng = r.OptInt("lng_e6");
  if (lat && lng) n.point = Point{*lat, *lng};
  auto open = r.OptInt("open_min"), close = r.OptInt("close_min");
  if (open && close) n.hours = Hours{static_cast<int>(*open), static_cast<int>(*close)};
  n.capacity_parcels = r.OptInt("capacity_parcels");
  n.carriers = storage::SplitList(r.Text("carriers"));
  n.station_id = r.OptInt("station_id");
  n.active = r.Text("status") == "active";
  n.created_at = r.Int("created_at");
  n.updated_at = r.Int("updated_at");
  return n;
}

storage::Params NodeValues(const NodeInput& in) {
  return {in.region.str(),
          std::string(NodeLevelName(in.level)),
          in.code,
          in.name,
          in.address,
          in.point ? Value(in.point->lat_e6) : Value(storage::Null{}),
          in.point ? Value(in.point->lng_e6) : Value(storage::Null{}),
          in.hours ? Value(int64_t{in.hours->open_min}) : Value(storage::Null{}),
          in.hours ? Value(int64_t{in.hours->close_min}) : Value(storage::Null{}),
          Opt(in.capacity_parcels),
          storage::JoinedList(in.carriers),
          Opt(in.station_id),
          std::string(in.active ? "active" : "closed")};
}

const storage::Columns kVehicle(
    "id, region_code, plate, owner, capacity_parcels, capacity_kg, capacity_litres, cold, "
    "shift_start_min, shift_end_min, home_node_id, status, created_at, updated_at");

Result<Vehicle> VehicleFrom(const storage::Row& row) {
  storage::NamedRow r(row, kVehicle);
  Vehicle v;
  v.id = r.Int("id");
  ASSIGN_OR_RETURN(v.region, RegionCode::Parse(r.Text("region_code")));
  v.plate = r.Text("plate");
  v.owner = r.Text("owner");
  v.capacity_parcels = r.OptInt("capacity_parcels");
  v.capacity_kg = r.OptInt("capacity_kg");
  v.capacity_litres = r.OptInt("capacity_litres");
  v.cold = r.Bool("cold");
  auto start = r.OptInt("shift_start_min"), end = r.OptInt("shift_end_min");
  if (start && end) v.shift = Hours{static_cast<int>(*start), static_cast<int>(*end)};
  v.home_node_id = r.OptInt("home_node_id");
  v.active = r.Text("status") == "active";
  v.created_at = r.Int("created_at");
  v.updated_at = r.Int("updated_at");
  return v;
}

storage::Params VehicleValues(const VehicleInput& in) {
  return {in.region.str(),
          in.plate,
          in.owner,
          Opt(in.capacity_parcels),
          Opt(in.capacity_kg),
          Opt(in.capacity_litres),
          int64_t{in.cold ? 1 : 0},
          in.shift ? Value(int64_t{in.shift->open_min}) : Value(storage::Null{}),
          in.shift ? Value(int64_t{in.shift->close_min}) : Value(storage::Null{}),
          Opt(in.home_node_id),
          std::string(in.active ? "active" : "retired")};
}

const storage::Columns kLine(
    "id, region_code, kind, code, name, from_node_id, weekdays, departure_min, vehicle_id, "
    "status, created_at, updated_at");

Result<Line> LineFrom(const storage::Row& row) {
  storage::NamedRow r(row, kLine);
  Line l;
  l.id = r.Int("id");
  ASSIGN_OR_RETURN(l.region, RegionCode::Parse(r.Text("region_code")));
  ASSIGN_OR_RETURN(l.kind, ParseLineKind(r.Text("kind")));
  l.code = r.Text("code");
  l.name = r.Text("name");
  l.from_node_id = r.Int("from_node_id");
  l.weekdays = r.Text("weekdays");
  if (auto dep = r.OptInt("departure_min")) l.departure_min = static_cast<int>(*dep);
  l.vehicle_id = r.OptInt("vehicle_id");
  l.active = r.Text("status") == "active";
  l.created_at = r.Int("created_at");
  l.updated_at = r.Int("updated_at");
  return l;
}

storage::Params LineValues(const LineInput& in, const RegionCode& region) {
  return {region.str(),
          std::string(LineKindName(in.kind)),
          in.code,
          in.name,
          in.from_node_id,
          in.weekdays,
          OptInt(in.departure_min),
          Opt(in.vehicle_id),
          std::string(in.active ? "active" : "suspended")};
}

Status WriteStops(storage::Connection& conn, int64_t line_id, const LineInput& in,
                  const RegionCode& region) {
  RETURN_IF_ERROR(conn.Exec("DELETE FROM logistics_line_stops WHERE line_id = ?", {line_id}));
  for (size_t i = 0; i < in.stop_node_ids.size(); ++i) {
    RETURN_IF_ERROR(conn.Exec(
        "INSERT INTO logistics_line_stops (line_id, seq, node_id, county_code) VALUES (?, ?, ?, ?)",
        {line_id, static_cast<int64_t>(i + 1), in.stop_node_ids[i], region.county().str()}));
  }
  return {};
}

Status LoadStops(storage::Connection& conn, Line& l) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT s.node_id, n.code, n.name, n.level FROM "
                                         "logistics_line_stops s JOIN logistics_nodes n ON "
                                         "n.id = s.node_id WHERE s.line_id = ? ORDER BY s.seq",
                                         {l.id}));
  l.stops.clear();
  for (const auto& r : rows) {
    LineStop s{r.Int(0), r.Text(1), r.Text(2)};
    ASSIGN_OR_RETURN(s.level, ParseNodeLevel(r.Text(3)));
    l.stops.push_back(std::move(s));
  }
  return {};
}

Result<bool> Taken(storage::Connection& conn, const std::string& table, const std::string& column,
                   const RegionCode& county, const std::string& value, int64_t except_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM " + table + " WHERE county_code = ? AND " +
                                             column + " = ? AND id <> ?",
                                         {county.str(), value, except_id}));
  return !rows.empty();
}

}  // namespace

// ---- nodes ----

// The node figures and the express coverage (its village points, their status and carriers)
// read the nodes as they are now, for every month: a node written marks its county from the
// first month (storage/figure_changes.h); a node moved, its old county too.
constexpr char kEveryMonth[] = "2000-01";

Result<int64_t> InsertNode(storage::Connection& conn, const NodeInput& in, Stamp stamp) {
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, in.region, kEveryMonth, stamp.now_ms));
  storage::Params p = {in.region.county().str()};
  for (auto& v : NodeValues(in)) p.push_back(std::move(v));
  p.push_back(By(stamp));
  p.push_back(stamp.now_ms);
  p.push_back(stamp.now_ms);
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne("INSERT INTO logistics_nodes (county_code, region_code, level, code, name, "
                    "address, lat_e6, lng_e6, open_min, close_min, capacity_parcels, carriers, "
                    "station_id, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    p, "insert node"));
  return r.Int(0);
}

Status UpdateNode(storage::Connection& conn, int64_t id, const NodeInput& in, Stamp stamp) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn, "SELECT region_code, CAST(? AS TEXT) FROM logistics_nodes WHERE id = ?",
      {kEveryMonth, id}, stamp.now_ms));
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, in.region, kEveryMonth, stamp.now_ms));
  storage::Params p = {in.region.county().str()};
  for (auto& v : NodeValues(in)) p.push_back(std::move(v));
  p.push_back(stamp.now_ms);
  p.push_back(id);
  RETURN_IF_ERROR(
      conn.Exec("UPDATE logistics_nodes SET county_code = ?, region_code = ?, level = ?, code = ?, "
                "name = ?, address = ?, lat_e6 = ?, lng_e6 = ?, open_min = ?, close_min = ?, "
                "capacity_parcels = ?, carriers = ?, station_id = ?, status = ?, updated_at = ? "
                "WHERE id = ?",
                p));
  return {};
}

Result<Node> GetNode(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kNode.List() + " FROM logistics_nodes WHERE id = ?", {id}));
  if (!row) return Error::NotFound("网点 " + std::to_string(id) + " 不存在");
  return NodeFrom(*row);
}

Result<std::map<int64_t, Node>> NodesByIds(storage::Connection& conn,
                                           const std::vector<int64_t>& ids) {
  std::map<int64_t, Node> out;
  for (size_t i = 0; i < ids.size(); i += 500) {
    std::string marks;
    storage::Params p;
    for (size_t j = i; j < ids.size() && j < i + 500; ++j) {
      marks += marks.empty() ? "?" : ", ?";
      p.push_back(ids[j]);
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kNode.List() +
                                               " FROM logistics_nodes WHERE id IN (" + marks + ")",
                                           p));
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(Node n, NodeFrom(r));
      out.emplace(n.id, std::move(n));
    }
  }
  return out;
}

Result<std::optional<Node>> NodeByCode(storage::Connection& conn, const RegionCode& county,
                                       const std::string& code) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kNode.List() +
                                                    " FROM logistics_nodes WHERE county_code = ? "
                                                    "AND code = ?",
                                                {county.str(), code}));
  if (!row) return std::optional<Node>();
  ASSIGN_OR_RETURN(Node n, NodeFrom(*row));
  return std::optional<Node>(std::move(n));
}

Result<bool> NodeCodeTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& code, int64_t except_id) {
  return Taken(conn, "logistics_nodes", "code", county, code, except_id);
}

Result<Page<Node>> ListNodes(storage::Connection& conn, const NodeFilter& f,
                             const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", f.region);
  if (f.level) w.Eq("level", std::string(NodeLevelName(*f.level)));
  if (f.active) w.Eq("status", std::string(*f.active ? "active" : "closed"));
  if (!f.carrier.empty())
    w.Sql("carriers LIKE ? ESCAPE '\\'", {"%," + storage::LikeEscaped(f.carrier) + ",%"});
  w.ContainsIf({"code", "name", "address"}, f.q);
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"code", "code"},
                                                        {"id", "id"},
                                                        {"name", "name"},
                                                        {"region_code", "region_code"},
                                                        {"level", "level"}},
                                                       "id"));
  return storage::QueryPage<Node>(conn, kNode.List(), "FROM logistics_nodes", w, order, page,
                                  NodeFrom);
}

// ---- vehicles ----

Result<int64_t> InsertVehicle(storage::Connection& conn, const VehicleInput& in, Stamp stamp) {
  storage::Params p = {in.region.county().str()};
  for (auto& v : VehicleValues(in)) p.push_back(std::move(v));
  p.push_back(By(stamp));
  p.push_back(stamp.now_ms);
  p.push_back(stamp.now_ms);
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne("INSERT INTO logistics_vehicles (county_code, region_code, plate, owner, "
                    "capacity_parcels, capacity_kg, capacity_litres, cold, shift_start_min, "
                    "shift_end_min, home_node_id, status, created_by, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    p, "insert vehicle"));
  return r.Int(0);
}

Status UpdateVehicle(storage::Connection& conn, int64_t id, const VehicleInput& in, Stamp stamp) {
  storage::Params p = {in.region.county().str()};
  for (auto& v : VehicleValues(in)) p.push_back(std::move(v));
  p.push_back(stamp.now_ms);
  p.push_back(id);
  RETURN_IF_ERROR(conn.Exec(
      "UPDATE logistics_vehicles SET county_code = ?, region_code = ?, plate = ?, owner = ?, "
      "capacity_parcels = ?, capacity_kg = ?, capacity_litres = ?, cold = ?, shift_start_min = ?, "
      "shift_end_min = ?, home_node_id = ?, status = ?, updated_at = ? WHERE id = ?",
      p));
  return {};
}

Result<Vehicle> GetVehicle(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional(
                    "SELECT " + kVehicle.List() + " FROM logistics_vehicles WHERE id = ?", {id}));
  if (!row) return Error::NotFound("车辆 " + std::to_string(id) + " 不存在");
  return VehicleFrom(*row);
}

Result<bool> PlateTaken(storage::Connection& conn, const RegionCode& county,
                        const std::string& plate, int64_t except_id) {
  return Taken(conn, "logistics_vehicles", "plate", county, plate, except_id);
}

Result<Page<Vehicle>> ListVehicles(storage::Connection& conn, const RegionCode& region,
                                   const std::string& q, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", region);
  w.ContainsIf({"plate", "owner"}, q);
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"plate", "plate"}, {"id", "id"}}, "id"));
  return storage::QueryPage<Vehicle>(conn, kVehicle.List(), "FROM logistics_vehicles", w, order,
                                     page, VehicleFrom);
}

// ---- lines ----

Result<int64_t> InsertLine(storage::Connection& conn, const LineInput& in, const RegionCode& region,
                           Stamp stamp) {
  storage::Params p = {region.county().str()};
  for (auto& v : LineValues(in, region)) p.push_back(std::move(v));
  p.push_back(By(stamp));
  p.push_back(stamp.now_ms);
  p.push_back(stamp.now_ms);
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne("INSERT INTO logistics_lines (county_code, region_code, kind, code, name, "
                    "from_node_id, weekdays, departure_min, vehicle_id, status, created_by, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    p, "insert line"));
  int64_t id = r.Int(0);
  RETURN_IF_ERROR(WriteStops(conn, id, in, region));
  return id;
}

Status UpdateLine(storage::Connection& conn, int64_t id, const LineInput& in,
                  const RegionCode& region, Stamp stamp) {
  storage::Params p = {region.county().str()};
  for (auto& v : LineValues(in, region)) p.push_back(std::move(v));
  p.push_back(stamp.now_ms);
  p.push_back(id);
  RETURN_IF_ERROR(
      conn.Exec("UPDATE logistics_lines SET county_code = ?, region_code = ?, kind = ?, code = ?, "
                "name = ?, from_node_id = ?, weekdays = ?, departure_min = ?, vehicle_id = ?, "
                "status = ?, updated_at = ? WHERE id = ?",
                p));
  return WriteStops(conn, id, in, region);
}

Result<Line> GetLine(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kLine.List() + " FROM logistics_lines WHERE id = ?", {id}));
  if (!row) return Error::NotFound("线路 " + std::to_string(id) + " 不存在");
  ASSIGN_OR_RETURN(Line l, LineFrom(*row));
  RETURN_IF_ERROR(LoadStops(conn, l));
  return l;
}

Result<bool> LineCodeTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& code, int64_t except_id) {
  return Taken(conn, "logistics_lines", "code", county, code, except_id);
}

Result<Page<Line>> ListLines(storage::Connection& conn, const LineFilter& f,
                             const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", f.region);
  if (f.kind) w.Eq("kind", std::string(LineKindName(*f.kind)));
  if (f.node_id)
    w.Sql(
        "(from_node_id = ? OR id IN (SELECT line_id FROM logistics_line_stops WHERE "
        "node_id = ?))",
        {*f.node_id, *f.node_id});
  w.ContainsIf({"code", "name"}, f.q);
  ASSIGN_OR_RETURN(
      std::string order,
      storage::OrderBy(page, {{"code", "code"}, {"id", "id"}, {"name", "name"}}, "id"));
  ASSIGN_OR_RETURN(Page<Line> p,
                   storage::QueryPage<Line>(conn, kLine.List(), "FROM logistics_lines", w, order,
                                            page, LineFrom));
  for (auto& l : p.items) RETURN_IF_ERROR(LoadStops(conn, l));
  return p;
}

}  // namespace ruralec::logistics::store
