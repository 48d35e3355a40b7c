#include "logistics/cold_chain_store.h"

#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

using storage::OrNull;
using storage::Value;

const storage::Columns kCold(
    "id, region_code, kind, name, node_id, operator, capacity_tonnes, temp_min_dc, temp_max_dc, "
    "status, created_at, updated_at");

Result<ColdResource> ColdFrom(const storage::Row& row) {
  storage::NamedRow r(row, kCold);
  ColdResource c;
  c.id = r.Int("id");
  ASSIGN_OR_RETURN(c.region, RegionCode::Parse(r.Text("region_code")));
  c.kind = r.Text("kind");
  c.name = r.Text("name");
  c.node_id = r.OptInt("node_id");
  c.operator_name = r.Text("operator");
  c.capacity_tonnes = r.Int("capacity_tonnes");
  c.temp_min = static_cast<int>(r.Int("temp_min_dc"));
  c.temp_max = static_cast<int>(r.Int("temp_max_dc"));
  c.active = r.Text("status") == "active";
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  return c;
}

// The columns after county_code, in the order of the INSERT and the UPDATE.
storage::Params ColdValues(const ColdResourceInput& in) {
  return {in.region.str(),
          in.kind,
          in.name,
          OrNull(in.node_id),
          in.operator_name,
          in.capacity_tonnes,
          int64_t{in.temp_min},
          int64_t{in.temp_max},
          std::string(in.active ? "active" : "retired")};
}

}  // namespace

Result<int64_t> InsertColdResource(storage::Connection& conn, const ColdResourceInput& in,
                                   storage::Stamp stamp) {
  storage::Params p = {in.region.county().str()};
  for (auto& v : ColdValues(in)) p.push_back(std::move(v));
  p.push_back(OrNull(stamp.by));
  p.push_back(stamp.now_ms);
  p.push_back(stamp.now_ms);
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne("INSERT INTO logistics_cold_resources (county_code, region_code, kind, name, "
                    "node_id, operator, capacity_tonnes, temp_min_dc, temp_max_dc, status, "
                    "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?) RETURNING id",
                    p, "insert cold resource"));
  return r.Int(0);
}

Status UpdateColdResource(storage::Connection& conn, int64_t id, const ColdResourceInput& in,
                          storage::Stamp stamp) {
  storage::Params p = {in.region.county().str()};
  for (auto& v : ColdValues(in)) p.push_back(std::move(v));
  p.push_back(stamp.now_ms);
  p.push_back(id);
  RETURN_IF_ERROR(conn.Exec(
      "UPDATE logistics_cold_resources SET county_code = ?, region_code = ?, kind = ?, name = ?, "
      "node_id = ?, operator = ?, capacity_tonnes = ?, temp_min_dc = ?, temp_max_dc = ?, "
      "status = ?, updated_at = ? WHERE id = ?",
      p));
  return {};
}

Result<ColdResource> GetColdResource(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kCold.List() +
                                                    " FROM logistics_cold_resources WHERE id = ?",
                                                {id}));
  if (!row) return Error::NotFound("冷链资源 " + std::to_string(id) + " 不存在");
  return ColdFrom(*row);
}

Result<bool> ColdNameTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& name, int64_t except_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM logistics_cold_resources WHERE "
                                         "county_code = ? AND name = ? AND id <> ?",
                                         {county.str(), name, except_id}));
  return !rows.empty();
}

Result<Page<ColdResource>> ListColdResources(storage::Connection& conn, const ColdResourceFilter& f,
                                             const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", f.region);
  w.EqIf("kind", f.kind);
  w.EqIf("node_id", f.node_id);
  if (f.active) w.Eq("status", std::string(*f.active ? "active" : "retired"));
  w.ContainsIf({"name", "operator"}, f.q);
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "id"},
                                                        {"name", "name"},
                                                        {"kind", "kind"},
                                                        {"capacity_tonnes", "capacity_tonnes"},
                                                        {"region_code", "region_code"}},
                                                       "id"));
  return storage::QueryPage<ColdResource>(conn, kCold.List(), "FROM logistics_cold_resources", w,
                                          order, page, ColdFrom);
}

Result<int64_t> SumColdTonnes(storage::Connection& conn, const RegionCode& region,
                              const std::string& kind, int64_t end_ms) {
  storage::Where w;
  w.InSubtree("region_code", region);
  w.EqIf("kind", kind);
  w.Eq("status", std::string("active"));
  w.Cmp("created_at", "<", end_ms);
  ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COALESCE(SUM(capacity_tonnes), 0) FROM "
                                           "logistics_cold_resources" +
                                               w.Clause(),
                                           w.params(), "cold capacity"));
  return row.Int(0);
}

}  // namespace ruralec::logistics::store
