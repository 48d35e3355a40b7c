#include "sales/queries.h"

#include <cstdio>

#include "account/account.h"
#include "account/recorders.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "region/region.h"
#include "sales/ledger_internal.h"
#include "storage/id_filter.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::sales::queries {
namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

// ---- ledger ----
const storage::Columns kSales(
    "s.id, s.entity_id, s.shop_id, s.brand_id, s.period, s.platform, s.direction, "
    "s.agricultural, s.category, s.amount_fen, s.orders, s.export_usd_cents, s.region_code, "
    "s.source, s.batch_id, s.supersedes_id, s.created_by, s.is_current, s.correction_reason, "
    "s.created_at");
const std::string kSalesSelect = "SELECT " + kSales.List() + " FROM sales_records s ";

SalesRow ToSalesRow(const Row& row) {
  storage::NamedRow r(row, kSales);
  SalesRow out;
  out.record = internal::RecordFrom(r);
  return out;
}

storage::Where SalesWhere(const SalesFilter& f) {
  storage::Where w;
  w.InSubtree("s.region_code", f.region);
  if (!f.history) w.Sql("s.is_current = 1");
  w.EqIf("s.entity_id", f.entity_id)
      .CmpIf("s.period", ">=", f.from)
      .CmpIf("s.period", "<=", f.to)
      .EqIf("s.platform", f.platform);
  storage::IdsIn(w, "s.id", f.ids);
  if (f.direction) w.Eq("s.direction", std::string(DirectionName(*f.direction)));
  if (f.agricultural) w.Eq("s.agricultural", int64_t{*f.agricultural});
  return w;
}

}  // namespace

namespace {}  // namespace

Result<std::optional<int>> LatestYear(storage::Connection& conn, const RegionCode& region) {
  storage::Where w;
  w.InSubtree("s.region_code", region).Sql("s.is_current = 1");
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT MAX(s.period) FROM sales_records s" + w.Clause(), w.params()));
  if (rows.empty() || rows[0].IsNull(0)) return std::optional<int>{};
  std::string period = rows[0].Text(0);
  return std::optional<int>{std::stoi(period.substr(0, 4))};
}

namespace {

// entity_name and region_name of each row: one batch read of each owner for the whole page
// (entity::NamesByIds, region::NamesOf), and the recorders' names.
Status NameRows(storage::Connection& conn, std::vector<SalesRow>& rows) {
  std::vector<int64_t> ids;
  std::vector<std::string> codes;
  for (const auto& r : rows) {
    ids.push_back(r.record.in.entity_id);
    codes.push_back(r.record.region.str());
  }
  ASSIGN_OR_RETURN(auto entities, entity::NamesByIds(conn, std::move(ids)));
  ASSIGN_OR_RETURN(auto regions, region::NamesOf(conn, std::move(codes)));
  for (auto& r : rows) {
    if (auto it = entities.find(r.record.in.entity_id); it != entities.end())
      r.entity_name = it->second.name;
    if (auto it = regions.find(r.record.region.str()); it != regions.end())
      r.region_name = it->second;
  }
  return account::NameRecorders(
      conn, rows, [](const SalesRow& r) { return r.record.created_by; },
      [](SalesRow& r) -> std::string& { return r.created_by_name; });
}

}  // namespace

Result<Page<SalesRow>> ListSales(storage::Connection& conn, const SalesFilter& f,
                                 const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "s.id"},
                                                        {"period", "s.period"},
                                                        {"amount_fen", "s.amount_fen"},
                                                        {"created_at", "s.created_at"}},
                                                       "s.id"));
  ASSIGN_OR_RETURN(auto out,
                   storage::QueryPage<SalesRow>(conn, kSales.List(), "FROM sales_records s",
                                                SalesWhere(f), order, page, ToSalesRow));
  RETURN_IF_ERROR(NameRows(conn, out.items));
  return out;
}

Result<SalesRow> GetSales(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(kSalesSelect + "WHERE s.id = ?", {id}));
  if (rows.empty()) return Error::NotFound("销售记录不存在");
  std::vector<SalesRow> one = {ToSalesRow(rows[0])};
  RETURN_IF_ERROR(NameRows(conn, one));
  return std::move(one[0]);
}

Result<std::vector<SalesRow>> Chain(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(SalesRow start, GetSales(conn, id));
  std::vector<SalesRow> older, newer;
  for (auto prev = start.record.supersedes_id; prev;) {
    ASSIGN_OR_RETURN(SalesRow r, GetSales(conn, *prev));
    prev = r.record.supersedes_id;
    older.push_back(std::move(r));
  }
  for (int64_t cur = id;;) {
    ASSIGN_OR_RETURN(auto rows,
                     conn.Query(kSalesSelect + "WHERE s.supersedes_id = ? ORDER BY s.id", {cur}));
    if (rows.empty()) break;
    newer.push_back(ToSalesRow(rows[0]));
    cur = newer.back().record.id;
  }
  RETURN_IF_ERROR(NameRows(conn, newer));
  std::vector<SalesRow> out(newer.rbegin(), newer.rend());
  out.push_back(std::move(start));
  for (auto& r : older) out.push_back(std::move(r));
  return out;
}

Result<std::vector<Month>> Monthly(storage::Connection& conn, int64_t entity_id, int year) {
  std::vector<Month> out(12);
  char buf[16];
  for (int m = 0; m < 12; ++m) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, m + 1);
    out[m].period = buf;
  }
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT period, "
                 "COALESCE(SUM(CASE WHEN direction = 'uplink' THEN amount_fen END), 0), "
                 "COALESCE(SUM(CASE WHEN direction = 'downlink' THEN amount_fen END), 0), "
                 "COALESCE(SUM(CASE WHEN direction = 'uplink' AND agricultural = 1 "
                 "THEN amount_fen END), 0), COALESCE(SUM(export_usd_cents), 0) "
                 "FROM sales_records WHERE entity_id = ? AND is_current = 1 "
                 "AND period >= ? AND period <= ? GROUP BY period",
                 {entity_id, out.front().period, out.back().period}));
  for (const auto& r : rows) {
    int m = std::atoi(r.Text(0).substr(5).c_str());
    if (m < 1 || m > 12) continue;
    out[m - 1] = {r.Text(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4)};
  }
  return out;
}

Range MonthsOf(const CivilDate& from, const CivilDate& to) {
  return {from.ToString().substr(0, 7), to.ToString().substr(0, 7), from.ToString(), to.ToString()};
}

// One region and range is the smallest case of LedgerCells (range_figures.cc), so every ledger
// figure of the indicators runs the same SQL.
Result<int64_t> SumFen(storage::Connection& conn, const RegionCode& region, const Range& r,
                       SumOptions o) {
  ASSIGN_OR_RETURN(auto cells, LedgerCells(conn, std::string(region.prefix()), {r}));
  return SumIn(cells, region, 0, o);
}

Result<int64_t> CountOver(storage::Connection& conn, const RegionCode& region, const Range& r,
                          Fen threshold, Over what, bool uplink_only) {
  ASSIGN_OR_RETURN(auto cells, LedgerCells(conn, std::string(region.prefix()), {r}));
  return CountOverIn(cells, region, 0, threshold, what, uplink_only);
}

Result<int64_t> CountNewEntities(storage::Connection& conn, const RegionCode& region,
                                 const Range& r) {
  ASSIGN_OR_RETURN(auto v, CountNewEntitiesByRegion(conn, {region}, r));
  return v.at(0);
}

}  // namespace ruralec::sales::queries
