#include "products/scan_store.h"

#include "storage/where.h"

namespace ruralec::products::trace::store {
namespace {

storage::Where InRange(const RegionCode& region, CivilDate from, CivilDate to) {
  storage::Where w;
  w.InSubtree("region_code", region);
  w.Cmp("day", ">=", from.ToString());
  w.Cmp("day", "<=", to.ToString());
  return w;
}

std::optional<CivilDate> DayOf(const std::string& text) {
  auto d = CivilDate::Parse(text);
  if (!d.ok()) return std::nullopt;
  return *d;
}

}  // namespace

Status CountScan(storage::Connection& conn, const Batch& b, CivilDate day) {
  auto r = conn.Exec(
      "INSERT INTO trace_scans (batch_id, county_code, region_code, day, scans) "
      "VALUES (?, ?, ?, ?, 1) ON CONFLICT (batch_id, day) DO UPDATE SET scans = "
      "trace_scans.scans + 1",
      {b.id, b.county_code, b.region.str(), day.ToString()});
  if (!r.ok()) return r.take_error();
  return {};
}

Result<std::vector<DayScans>> ScansOf(storage::Connection& conn, int64_t batch_id, CivilDate from,
                                      CivilDate to) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT day, scans FROM trace_scans WHERE batch_id = ? "
                                         "AND day >= ? AND day <= ? ORDER BY day",
                                         {batch_id, from.ToString(), to.ToString()}));
  std::vector<DayScans> out;
  for (const auto& r : rows)
    if (auto d = DayOf(r.Text(0))) out.push_back({*d, r.Int(1)});
  return out;
}

Result<Page<BatchScans>> ScanTotals(storage::Connection& conn, const RegionCode& region,
                                    std::optional<int64_t> owner, CivilDate from, CivilDate to,
                                    const PageRequest& page) {
  storage::Where w = InRange(region, from, to);
  if (owner) w.Sql("batch_id IN (SELECT id FROM trace_batches WHERE entity_id = ?)", {*owner});
  std::string grouped =
      "FROM (SELECT batch_id, SUM(scans) AS scans, MAX(day) AS last_day "
      "FROM trace_scans" +
      w.Clause() + " GROUP BY batch_id) s";
  Page<BatchScans> out;
  out.page = page.page;
  out.page_size = page.page_size;
  ASSIGN_OR_RETURN(auto count, conn.Query("SELECT COUNT(*) " + grouped, w.params()));
  out.total = count.at(0).Int(0);
  storage::Params p = w.params();
  p.emplace_back(int64_t{page.page_size});
  p.emplace_back(page.offset());
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT batch_id, scans, last_day " + grouped +
                                             " ORDER BY scans DESC, batch_id DESC LIMIT ? OFFSET ?",
                                         p));
  for (const auto& r : rows) out.items.push_back({r.Int(0), r.Int(1), DayOf(r.Text(2))});
  return out;
}

Result<int64_t> ScanSum(storage::Connection& conn, const RegionCode& region, CivilDate from,
                        CivilDate to) {
  storage::Where w = InRange(region, from, to);
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT COALESCE(SUM(scans), 0) FROM trace_scans" + w.Clause(), w.params()));
  return rows.at(0).Int(0);
}

}  // namespace ruralec::products::trace::store
