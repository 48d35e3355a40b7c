#include "sales/totals.h"

#include <cstdio>

namespace ruralec::sales {

Status ScanYear(storage::Connection& conn, const RegionCode& region, int year,
                const std::function<void(const LedgerRow&)>& fn) {
  // Range on the 12-digit code instead of LIKE so the (region_code, period) index is used.
  std::string prefix(region.prefix());
  std::string lo = prefix + std::string(12 - prefix.size(), '0');
  std::string hi = prefix + std::string(12 - prefix.size(), '9');
  for (int month = 1; month <= 12; ++month) {
    char period[8];
    std::snprintf(period, sizeof period, "%04d-%02d", year, month);
    ASSIGN_OR_RETURN(auto rows,
                     conn.Query("SELECT id, entity_id, brand_id, direction, agricultural, "
                                "amount_fen, export_usd_cents FROM sales_records WHERE "
                                "is_current = 1 AND region_code >= ? AND region_code <= ? AND "
                                "period = ? ORDER BY id",
                                {lo, hi, std::string(period)}));
    LedgerRow r;
    r.period = period;
    for (const auto& row : rows) {
      r.id = row.Int(0);
      r.entity_id = row.Int(1);
      r.brand_id = row.OptInt(2);
      r.uplink = row.Text(3) == "uplink";
      r.agricultural = row.Int(4) != 0;
      r.amount_fen = row.Int(5);
      r.export_usd_cents = row.OptInt(6);
      fn(r);
    }
  }
  return {};
}

}  // namespace ruralec::sales
