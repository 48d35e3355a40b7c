#include "sales/totals.h"

#include <cstdio>

namespace ruralec::sales {

Status ScanYear(storage::Connection& conn, const RegionCode& region, int year,
                const std::function<void(const LedgerRow&)>& fn) {
  // Keyset pages in id order, filtered in SQL. On SQLite (one county per file) the table is
  // read sequentially (NOT INDEXED keeps the rowid range but no secondary index, whose row
  // look-ups jump across the whole table: 4× slower on 1.2M rows through the former
  // (region_code, period) index, dropped in migration 0010);
  // PostgreSQL chooses its own plan from its statistics.
  std::string prefix(region.prefix());
  std::string lo = prefix + std::string(12 - prefix.size(), '0');
  std::string hi = prefix + std::string(12 - prefix.size(), '9');
  char from[8], to[8];
  std::snprintf(from, sizeof from, "%04d-01", year);
  std::snprintf(to, sizeof to, "%04d-12", year);
  const std::string sql =
      std::string(
          "SELECT id, entity_id, brand_id, direction, agricultural, amount_fen, "
          "export_usd_cents, period FROM sales_records") +
      (conn.Dialect() == "sqlite" ? " NOT INDEXED" : "") +
      " WHERE id > ? AND region_code >= ? AND region_code <= ? AND period >= ? AND period <= ? "
      "AND is_current = 1 ORDER BY id LIMIT ?";
  constexpr int64_t kPage = 50000;
  LedgerRow r;
  for (int64_t after = 0;;) {
    ASSIGN_OR_RETURN(auto rows,
                     conn.Query(sql, {after, lo, hi, std::string(from), std::string(to), kPage}));
    for (const auto& row : rows) {
      r.id = row.Int(0);
      r.entity_id = row.Int(1);
      r.brand_id = row.OptInt(2);
      r.uplink = row.Text(3) == "uplink";
      r.agricultural = row.Int(4) != 0;
      r.amount_fen = row.Int(5);
      r.export_usd_cents = row.OptInt(6);
      r.period = row.Text(7);
      fn(r);
    }
    if (static_cast<int64_t>(rows.size()) < kPage) return {};
    after = r.id;
  }
}

}  // namespace ruralec::sales
