// Read models and edits the HTTP API needs beyond sales.h / entity.h: filtered, paginated lists
// of entities, brands, shops and ledger rows; entity/shop/brand updates; the version chain of a
// ledger row; monthly series; per-child summaries; and figures over a date range (indicators).
// Contract:
//  - Every list takes the region subtree to search; the caller has already checked it lies in
//    the principal's scope, so nothing outside `region` is ever returned.
//  - Sort fields are whitelisted here (kInvalidArgument field "sort" otherwise).
//  - Figures use current ledger rows only; money in fen, exports in US cents.
//  - Updates run in the caller's connection/transaction and never write the audit log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/page.h"
#include "crypto/crypto.h"
#include "entity/entity.h"
#include "sales/sales.h"

namespace ruralec::sales::queries {

// ---- ledger ----
struct SalesFilter {
  RegionCode region;
  std::optional<int64_t> entity_id;
  std::string from, to;  // "YYYY-MM" inclusive, "" = open
  std::string platform;
  std::optional<Direction> direction;
  std::optional<bool> agricultural;
  bool history = false;      // include superseded rows
  std::vector<int64_t> ids;  // only these records (selected rows); empty: no such filter
};
struct SalesRow {
  SalesRecord record;
  std::string entity_name, region_name;
  std::string created_by_name;  // display name of record.created_by; "" when unknown
};
// Sort: id (default), period, amount_fen, created_at.
Result<Page<SalesRow>> ListSales(storage::Connection& conn, const SalesFilter& f,
                                 const PageRequest& page);
Result<SalesRow> GetSales(storage::Connection& conn, int64_t id);  // kNotFound
// Every version linked to `id` through supersedes_id (older and newer), newest first.
Result<std::vector<SalesRow>> Chain(storage::Connection& conn, int64_t id);

// The latest year with a current ledger row in `region`'s subtree; nullopt when it has none.
// The summary page opens on it (a county whose data is all 2019 should not open on an empty year).
Result<std::optional<int>> LatestYear(storage::Connection& conn, const RegionCode& region);

struct Month {
  std::string period;
  int64_t uplink_fen = 0, downlink_fen = 0, agricultural_uplink_fen = 0, export_usd_cents = 0;
};
// Twelve months of the entity's current rows.
Result<std::vector<Month>> Monthly(storage::Connection& conn, int64_t entity_id, int year);

// ---- figures over a date range ----
// A ledger month counts when it overlaps [from, to]: from's month through to's month.
struct Range {
  std::string from_period, to_period;  // YYYY-MM
  std::string from_date, to_date;      // YYYY-MM-DD
};
Range MonthsOf(const CivilDate& from, const CivilDate& to);

struct SumOptions {
  bool uplink_only = true;
  bool agricultural_only = false;
};
Result<int64_t> SumFen(storage::Connection& conn, const RegionCode& region, const Range& r,
                       SumOptions o);
enum class Over { kEntities, kBrands, kTowns };
// Distinct entities/brands/towns whose sales in some calendar year (its months inside the
// range) are strictly greater than `threshold`: uplink rows only, or every direction when
// `uplink_only` is false (a plan's 年网销额 without 上行 counts all online sales).
Result<int64_t> CountOver(storage::Connection& conn, const RegionCode& region, const Range& r,
                          Fen threshold, Over what, bool uplink_only = true);
// Entities registered (registered_on) inside [from_date, to_date].
Result<int64_t> CountNewEntities(storage::Connection& conn, const RegionCode& region,
                                 const Range& r);

// ---- the same figures for many regions and ranges in one read (range_figures.cc) ----
// The sums of one group of current ledger rows for one range.
struct RangeSums {
  int64_t uplink = 0, all = 0, agricultural_uplink = 0;  // fen
  int64_t rows = 0;  // ledger rows of any direction (a zero sum with rows is a real zero)
};
// Current rows grouped by (region code, entity, brand, calendar year of the period).
struct LedgerCell {
  std::string region_code;
  int64_t entity_id = 0;
  std::optional<int64_t> brand_id;
  int64_t year = 0;
  std::vector<RangeSums> sums;  // sums[j]: the group's rows with months inside ranges[j]
};
// Every cell under `scope_prefix` (a code prefix; "" for all) with months inside some range, in
// one read of the table. SumFen and CountOver are SumIn / CountOverIn of these cells, so a
// programme's lines of many regions, ranges and thresholds cost one read together.
Result<std::vector<LedgerCell>> LedgerCells(storage::Connection& conn,
                                            const std::string& scope_prefix,
                                            const std::vector<Range>& ranges);
// SumFen of `region` over ranges[range] from cells covering it. Checked: kConflict
// (MoneyOverflow) when the sum leaves int64, never a wrapped figure.
Result<int64_t> SumIn(const std::vector<LedgerCell>& cells, const RegionCode& region, size_t range,
                      SumOptions o);
// Whether any cell inside `region` has ledger rows in ranges[range]: a range without rows has no
// ledger (not imported), which a sum of 0 cannot tell apart from no sales.
bool AnyRowsIn(const std::vector<LedgerCell>& cells, const RegionCode& region, size_t range);
// CountOver of `region` over ranges[range] from cells covering it (uplink, or every
// direction when `uplink_only` is false); subject totals checked like SumIn.
Result<int64_t> CountOverIn(const std::vector<LedgerCell>& cells, const RegionCode& region,
                            size_t range, Fen threshold, Over what, bool uplink_only = true);
// CountNewEntities for several regions in one read; out[i] belongs to regions[i].
Result<std::vector<int64_t>> CountNewEntitiesByRegion(storage::Connection& conn,
                                                      const std::vector<RegionCode>& regions,
                                                      const Range& r);
// The longest common prefix of the regions' code prefixes (what LedgerCells needs to cover them).
std::string CommonPrefix(const std::vector<RegionCode>& regions);

}  // namespace ruralec::sales::queries
