#include "logistics/coverage_store.h"

#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

constexpr int64_t kBeijingOffsetMs = 8 * 3600 * 1000;
constexpr int64_t kDayMs = 24 * 3600 * 1000;

// Events at the subtree's village points in the period (joined on the module's own nodes).
storage::Where PointEvents(const RegionCode& region, int64_t from_ms, int64_t end_ms) {
  storage::Where w;
  w.Eq("n.level", std::string("village_point"));
  w.InSubtree("n.region_code", region);
  w.Cmp("e.scanned_at", ">=", from_ms);
  w.Cmp("e.scanned_at", "<", end_ms);
  return w;
}

}  // namespace

Result<std::vector<VillageActivity>> ActivityByVillage(storage::Connection& conn,
                                                       const RegionCode& region, int64_t from_ms,
                                                       int64_t end_ms) {
  storage::Where w = PointEvents(region, from_ms, end_ms);
  storage::Params p = {kBeijingOffsetMs, kDayMs};
  p.insert(p.end(), w.params().begin(), w.params().end());
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT n.region_code, COUNT(DISTINCT CASE WHEN e.direction = 'downlink' AND "
                 "e.scan_type IN ('arrived', 'stored', 'signed') THEN (e.scanned_at + ?) / ? END), "
                 "COUNT(DISTINCT CASE WHEN e.direction = 'uplink' AND e.scan_type IN "
                 "('accepted', 'dispatched') THEN e.waybill_id END) "
                 "FROM logistics_scan_events e JOIN logistics_nodes n ON n.id = e.node_id" +
                     w.Clause() + " GROUP BY n.region_code",
                 p));
  std::vector<VillageActivity> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Int(1), r.Int(2)});
  return out;
}

Result<std::vector<PointRow>> VillagePoints(storage::Connection& conn, const RegionCode& region) {
  storage::Where w;
  w.Eq("level", std::string("village_point"));
  w.InSubtree("region_code", region);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT region_code, carriers, status, created_at FROM "
                                         "logistics_nodes" +
                                             w.Clause(),
                                         w.params()));
  std::vector<PointRow> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2) == "active", r.Int(3)});
  return out;
}

Result<std::vector<SignedRow>> SignedAtVillages(storage::Connection& conn, const RegionCode& region,
                                                int64_t from_ms, int64_t end_ms) {
  storage::Where w = PointEvents(region, from_ms, end_ms);
  w.Eq("e.scan_type", std::string("signed"));
  w.Eq("e.direction", std::string("downlink"));
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT n.region_code, e.waybill_id, e.scanned_at, (SELECT MAX(a.scanned_at) "
                 "FROM logistics_scan_events a JOIN logistics_nodes h ON h.id = a.node_id "
                 "WHERE a.waybill_id = e.waybill_id AND a.scan_type = 'arrived' AND "
                 "h.level = 'town_hub' AND a.scanned_at <= e.scanned_at) "
                 "FROM logistics_scan_events e JOIN logistics_nodes n ON n.id = e.node_id" +
                     w.Clause() + " ORDER BY e.waybill_id, e.scanned_at",
                 w.params()));
  std::vector<SignedRow> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Int(1), r.Int(2), r.OptInt(3)});
  return out;
}

namespace {

// Rows of `table` (nodes or lines) of one `column` value in `region`'s subtree created before
// `end_ms`: those created from `from_ms` on (added in the period), or without it the active ones.
Result<int64_t> CountNetwork(storage::Connection& conn, const std::string& table,
                             const std::string& column, const std::string& value,
                             const RegionCode& region, std::optional<int64_t> from_ms,
                             int64_t end_ms) {
  storage::Where w;
  w.Eq(column, value);
  w.InSubtree("region_code", region);
  w.Cmp("created_at", "<", end_ms);
  if (from_ms) {
    w.Cmp("created_at", ">=", *from_ms);
  } else {
    w.Eq("status", std::string("active"));
  }
  ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COUNT(*) FROM " + table + w.Clause(), w.params(),
                                           table + " count"));
  return row.Int(0);
}

}  // namespace

Result<int64_t> CountNodes(storage::Connection& conn, const RegionCode& region,
                           const std::string& level, std::optional<int64_t> from_ms,
                           int64_t end_ms) {
  return CountNetwork(conn, "logistics_nodes", "level", level, region, from_ms, end_ms);
}

Result<int64_t> CountLines(storage::Connection& conn, const RegionCode& region,
                           const std::string& kind, std::optional<int64_t> from_ms,
                           int64_t end_ms) {
  return CountNetwork(conn, "logistics_lines", "kind", kind, region, from_ms, end_ms);
}

}  // namespace ruralec::logistics::store
