// Summary-table figures of a region, and of all its children in one pass per figure. The SQL
// mirrors Summary / EntitiesOver / BrandsOver / NewEntities (ledger_store.cc), with a GROUP BY
// on the child's code prefix: `+is_current` for the same reason as there.
#include <string>

#include "sales/sales.h"

namespace ruralec::sales {
namespace {

using storage::Params;
using storage::Row;

Params YearParams(const RegionCode& region, int year) {
  return {std::string(region.prefix()) + "%", std::to_string(year) + "-01",
          std::to_string(year) + "-12"};
}

// `substr(column, 1, n)`: n comes from PrefixLength, never from input, so it is inlined (a
// bound integer would need a cast on PostgreSQL).
std::string Key(const char* column, size_t n) {
  return std::string("substr(") + column + ", 1, " + std::to_string(n) + ")";
}

Status AddSums(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
               std::map<std::string, RegionFigures>& out) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + Key("region_code", n) +
                     ", COALESCE(SUM(CASE WHEN direction = 'uplink' THEN amount_fen END), 0), "
                     "COALESCE(SUM(CASE WHEN direction = 'downlink' THEN amount_fen END), 0), "
                     "COALESCE(SUM(CASE WHEN direction = 'uplink' AND agricultural = 1 "
                     "THEN amount_fen END), 0), COALESCE(SUM(export_usd_cents), 0) "
                     "FROM sales_records WHERE +is_current = 1 AND region_code LIKE ? "
                     "AND period >= ? AND period <= ? GROUP BY 1",
                 YearParams(parent, year)));
  for (const Row& r : rows)
    out[r.Text(0)].sum = YearSummary{Fen{r.Int(1)}, Fen{r.Int(2)}, Fen{r.Int(3)}, r.Int(4)};
  return {};
}

enum class Subject { kEntity, kBrand };

// Entities (or brands) whose uplink total in the year, within the child, exceeds `threshold`.
Status AddOver(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
               Subject subject, Fen threshold, std::map<std::string, RegionFigures>& out) {
  const bool brands = subject == Subject::kBrand;
  const auto field = brands ? &RegionFigures::brands_over : &RegionFigures::entities_over;
  Params p = YearParams(parent, year);
  p.emplace_back(threshold.value);
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT k, COUNT(*) FROM (SELECT " + Key("region_code", n) + " AS k, " +
                     (brands ? "brand_id" : "entity_id") +
                     " FROM sales_records WHERE +is_current = 1 AND direction = 'uplink' "
                     "AND region_code LIKE ? AND period >= ? AND period <= ?" +
                     (brands ? " AND brand_id IS NOT NULL" : "") +
                     " GROUP BY 1, 2 HAVING SUM(amount_fen) > ?) x GROUP BY k",
                 p));
  for (auto& [key, f] : out) f.*field = 0;
  for (const Row& r : rows) out[r.Text(0)].*field = r.Int(1);
  return {};
}

Status AddNewEntities(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
                      std::map<std::string, RegionFigures>& out) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT " + Key("region_code", n) +
                                  ", COUNT(*) FROM entities WHERE region_code LIKE ? "
                                  "AND registered_on >= ? AND registered_on <= ? "
                                  "GROUP BY 1",
                              {std::string(parent.prefix()) + "%", std::to_string(year) + "-01-01",
                               std::to_string(year) + "-12-31"}));
  for (const Row& r : rows) out[r.Text(0)].new_entities = r.Int(1);
  return {};
}

}  // namespace

Result<RegionFigures> Figures(storage::Connection& conn, const RegionCode& region, int year,
                              std::optional<Fen> entity_threshold,
                              std::optional<Fen> brand_threshold) {
  RegionFigures f;
  ASSIGN_OR_RETURN(f.sum, Summary(conn, region, year));
  if (entity_threshold) {
    ASSIGN_OR_RETURN(auto v, EntitiesOver(conn, region, year, *entity_threshold));
    f.entities_over = static_cast<int64_t>(v.size());
  }
  if (brand_threshold) {
    ASSIGN_OR_RETURN(auto v, BrandsOver(conn, region, year, *brand_threshold));
    f.brands_over = static_cast<int64_t>(v.size());
  }
  ASSIGN_OR_RETURN(f.new_entities, NewEntities(conn, region, year));
  return f;
}

Result<std::map<std::string, RegionFigures>> FiguresByChild(storage::Connection& conn,
                                                            const RegionCode& parent, int year,
                                                            std::optional<Fen> entity_threshold,
                                                            std::optional<Fen> brand_threshold) {
  std::map<std::string, RegionFigures> out;
  if (parent.level() == RegionLevel::kVillage) return out;  // villages have no children
  const size_t n = PrefixLength(static_cast<RegionLevel>(static_cast<int>(parent.level()) + 1));
  RETURN_IF_ERROR(AddSums(conn, parent, year, n, out));
  RETURN_IF_ERROR(AddNewEntities(conn, parent, year, n, out));
  // Counts are set (0 when none is over) on every child present, as Figures() would.
  if (entity_threshold)
    RETURN_IF_ERROR(AddOver(conn, parent, year, n, Subject::kEntity, *entity_threshold, out));
  if (brand_threshold)
    RETURN_IF_ERROR(AddOver(conn, parent, year, n, Subject::kBrand, *brand_threshold, out));
  return out;
}

}  // namespace ruralec::sales
