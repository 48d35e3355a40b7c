#include "sales/queries.h"

#include <cstdio>

#include "account/account.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "region/region.h"
#include "storage/order_by.h"

namespace ruralec::sales::queries {
namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

std::string Prefix(const RegionCode& r) { return std::string(r.prefix()) + "%"; }

template <typename T>
Page<T> EmptyPage(const PageRequest& page) {
  Page<T> p;
  p.page = page.page;
  p.page_size = page.page_size;
  return p;
}

// ---- ledger ----
constexpr const char* kSalesSelect =
    "SELECT s.id, s.entity_id, s.shop_id, s.brand_id, s.period, s.platform, s.direction, "
    "s.agricultural, s.category, s.amount_fen, s.orders, s.export_usd_cents, s.region_code, "
    "s.source, s.batch_id, s.supersedes_id, s.created_by, s.is_current, s.correction_reason, "
    "s.created_at FROM sales_records s ";

SalesRow ToSalesRow(const Row& r) {
  SalesRow out;
  SalesRecord& s = out.record;
  s.id = r.Int(0);
  s.in.entity_id = r.Int(1);
  s.in.shop_id = r.OptInt(2);
  s.in.brand_id = r.OptInt(3);
  s.in.period = r.Text(4);
  s.in.platform = r.Text(5);
  s.in.direction = r.Text(6) == "uplink" ? Direction::kUplink : Direction::kDownlink;
  s.in.agricultural = r.Int(7) != 0;
  s.in.category = r.Text(8);
  s.in.amount = Fen{r.Int(9)};
  s.in.orders = r.OptInt(10);
  s.in.export_usd_cents = r.OptInt(11);
  if (auto code = RegionCode::Parse(r.Text(12)); code.ok()) s.region = *code;
  std::string src = r.Text(13);
  s.source = src == "import" ? Source::kImport : src == "api" ? Source::kApi : Source::kForm;
  s.batch_id = r.OptInt(14);
  s.supersedes_id = r.OptInt(15);
  s.created_by = r.OptInt(16);
  s.is_current = r.Int(17) != 0;
  s.correction_reason = r.Text(18);
  s.created_at = r.Int(19);
  return out;
}

std::string SalesWhere(const SalesFilter& f, Params& p) {
  std::string w = " WHERE s.region_code LIKE ?";
  p.emplace_back(Prefix(f.region));
  if (!f.history) w += " AND s.is_current = 1";
  if (f.entity_id) {
    w += " AND s.entity_id = ?";
    p.emplace_back(*f.entity_id);
  }
  if (!f.from.empty()) {
    w += " AND s.period >= ?";
    p.emplace_back(f.from);
  }
  if (!f.to.empty()) {
    w += " AND s.period <= ?";
    p.emplace_back(f.to);
  }
  if (!f.platform.empty()) {
    w += " AND s.platform = ?";
    p.emplace_back(f.platform);
  }
  if (f.direction) {
    w += " AND s.direction = ?";
    p.emplace_back(std::string(DirectionName(*f.direction)));
  }
  if (f.agricultural) {
    w += " AND s.agricultural = ?";
    p.emplace_back(int64_t{*f.agricultural});
  }
  return w;
}

template <typename T, typename Fn>
Result<Page<T>> RunPage(storage::Connection& conn, const std::string& select,
                        const std::string& from_where, Params params, const std::string& order,
                        const PageRequest& page, Fn convert) {
  Page<T> out = EmptyPage<T>(page);
  ASSIGN_OR_RETURN(auto count, conn.Query("SELECT COUNT(*) " + from_where, params));
  out.total = count.at(0).Int(0);
  params.emplace_back(int64_t{page.page_size});
  params.emplace_back(page.offset());
  ASSIGN_OR_RETURN(auto rows, conn.Query(select + from_where.substr(from_where.find(" WHERE")) +
                                             order + " LIMIT ? OFFSET ?",
                                         params));
  for (const auto& r : rows) out.items.push_back(convert(r));
  return out;
}

}  // namespace

namespace {

// created_by_name: the display name of each row's recorder (account::UserLabels).
Status NameCreators(storage::Connection& conn, std::vector<SalesRow>& rows) {
  std::vector<int64_t> ids;
  for (const auto& r : rows)
    if (r.record.created_by) ids.push_back(*r.record.created_by);
  if (ids.empty()) return {};
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  for (auto& r : rows) {
    if (!r.record.created_by) continue;
    if (auto it = labels.find(*r.record.created_by); it != labels.end())
      r.created_by_name = it->second.display_name;
  }
  return {};
}

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
  return NameCreators(conn, rows);
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
  Params p;
  std::string where = SalesWhere(f, p);
  ASSIGN_OR_RETURN(auto out, RunPage<SalesRow>(conn, kSalesSelect, "FROM sales_records s" + where,
                                               p, order, page, ToSalesRow));
  RETURN_IF_ERROR(NameRows(conn, out.items));
  return out;
}

Result<SalesRow> GetSales(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(kSalesSelect) + "WHERE s.id = ?", {id}));
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
    ASSIGN_OR_RETURN(
        auto rows,
        conn.Query(std::string(kSalesSelect) + "WHERE s.supersedes_id = ? ORDER BY s.id", {cur}));
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
