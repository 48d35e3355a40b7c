// The online-sales ledger: one row per entity (or shop, or brand), month, platform, direction
// and category. Corrections insert a new row that supersedes the current one (who and why are
// kept); superseded rows stay as history and are never deleted.
// Contract:
//  - Amounts are Fen (integer fen); export amounts US$ cents; periods "YYYY-MM".
//  - At most one current row per natural key (entity|shop|brand|period|platform|direction|
//    category); a second Record() of the same key is kConflict (use Correct()).
//  - Writes check the entity's region against the caller's scope (kForbidden) and run in the
//    caller's connection/transaction. Permission checks are the caller's (API, import, CLI).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::sales {

enum class Direction { kUplink, kDownlink };
const char* DirectionName(Direction d);  // "uplink" / "downlink"
// Accepts uplink/downlink, 上行/下行, 农产品上行/工业品下行.
Result<Direction> ParseDirection(std::string_view text, std::string_view field = "direction");

enum class Source { kForm, kImport, kApi };
const char* SourceName(Source s);

// "YYYY-MM" from "2024-03", "2024-3", "2024/03", "2024年3月", "202403"; year 2000..2100.
Result<std::string> ParsePeriod(std::string_view text, std::string_view field = "period");

struct SalesInput {
  int64_t entity_id = 0;
  std::optional<int64_t> shop_id, brand_id;
  std::string period;  // YYYY-MM
  std::string platform;
  Direction direction = Direction::kUplink;
  bool agricultural = false;
  std::string category;
  Fen amount;
  std::optional<int64_t> orders;
  std::optional<int64_t> export_usd_cents;
};

struct SalesRecord {
  int64_t id = 0;
  SalesInput in;
  RegionCode region;
  Source source = Source::kForm;
  std::optional<int64_t> batch_id, supersedes_id, created_by;
  bool is_current = true;
  std::string correction_reason;
  int64_t created_at = 0;
};

// The largest amount one ledger row may carry: 10亿元 in fen, and US$10亿 in cents for the
// export amount. A row is one entity's month on one platform, direction and category; no
// county business comes near it, and with it a sum of rows leaves int64 only after ~92
// million rows (docs/SALES_IMPORT.md, "Amount limits").
inline constexpr int64_t kMaxRowAmountFen = 100'000'000'000;
inline constexpr int64_t kMaxRowExportUsdCents = 100'000'000'000;

// Amount rules shared by the form, the API and the import: 0 ≤ amount ≤ kMaxRowAmountFen
// (kInvalidArgument naming `field`); export amounts likewise against kMaxRowExportUsdCents.
Status CheckAmount(Fen amount, std::string_view field = "amount");
Status CheckExportAmount(int64_t usd_cents, std::string_view field = "export_usd_cents");

std::string NaturalKey(const SalesInput& in);
// period, platform, CheckAmount, CheckExportAmount, counts >= 0
Status Validate(const SalesInput& in);

struct Provenance {
  Source source = Source::kForm;
  std::optional<int64_t> batch_id;
  std::optional<int64_t> source_row;
};

Result<int64_t> Record(storage::Connection& conn, const account::Principal& who,
                       const SalesInput& in, const Provenance& from, int64_t now_ms);
// Record() for callers that already loaded the entity (its region) and checked the natural key
// is free in this transaction (the import); the unique index still guards the key.
Result<int64_t> RecordChecked(storage::Connection& conn, const account::Principal& who,
                              const RegionCode& entity_region, const SalesInput& in,
                              const Provenance& from, int64_t now_ms);
// Supersedes record `id` (which must be current) with `in` (same natural key or a new one);
// `reason` is required.
Result<int64_t> Correct(storage::Connection& conn, const account::Principal& who, int64_t id,
                        const SalesInput& in, const std::string& reason, int64_t now_ms);
Result<SalesRecord> Get(storage::Connection& conn, int64_t id);
// Moves every ledger row of the entity (current and history) to its new region, as the entity
// moved (the figures of a region are those of the entities in it).
// Both counties' figures are marked changed from the entity's first month (figure_changes.h).
Status FollowEntityRegion(storage::Connection& conn, int64_t entity_id, const RegionCode& to,
                          int64_t now_ms);
// Every row (current and superseded) of an entity, newest first.
Result<std::vector<SalesRecord>> History(storage::Connection& conn, int64_t entity_id);

// ---- Per-year figures inside a region subtree (current rows only) ----
struct Total {
  int64_t id = 0;  // entity or brand id
  std::string name;
  Fen amount;
};
// Entities whose uplink sales in `year` exceed `threshold`, largest first. The threshold comes
// from the programme (e.g. 1000万元), never from code.
Result<std::vector<Total>> EntitiesOver(storage::Connection& conn, const RegionCode& region,
                                        int year, Fen threshold);
Result<std::vector<Total>> BrandsOver(storage::Connection& conn, const RegionCode& region, int year,
                                      Fen threshold);
// Top `limit` entities by uplink sales in `year`.
Result<std::vector<Total>> Ranking(storage::Connection& conn, const RegionCode& region, int year,
                                   int limit);
// Entities registered in `year` within the region.
Result<int64_t> NewEntities(storage::Connection& conn, const RegionCode& region, int year);

struct YearSummary {
  Fen uplink, downlink, agricultural_uplink;
  int64_t export_usd_cents = 0;
};
Result<YearSummary> Summary(storage::Connection& conn, const RegionCode& region, int year);

// The summary-table figures of one region and year. A count whose threshold is nullopt is not
// computed (nullopt in the result).
struct RegionFigures {
  YearSummary sum;
  std::optional<int64_t> entities_over, brands_over;
  int64_t new_entities = 0;
};
Result<RegionFigures> Figures(storage::Connection& conn, const RegionCode& region, int year,
                              std::optional<Fen> entity_threshold,
                              std::optional<Fen> brand_threshold);
// Figures() of each of `children` (regions inside `parent`, normally its direct children) with
// one pass over the ledger per figure and per distinct child level, not one per child (a
// county's 38 towns on a 1M-row ledger: 1 s, not 14). Keyed by the child's 12-digit code; every
// child is present, equal to what Figures() of that child returns.
Result<std::map<std::string, RegionFigures>> FiguresOfChildren(
    storage::Connection& conn, const RegionCode& parent, const std::vector<RegionCode>& children,
    int year, std::optional<Fen> entity_threshold, std::optional<Fen> brand_threshold);

}  // namespace ruralec::sales
