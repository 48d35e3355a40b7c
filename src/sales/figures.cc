// Summary-table figures of a region, and of many child regions in one pass per figure. The SQL
// mirrors Summary / EntitiesOver / BrandsOver / NewEntities (ledger_store.cc), grouped by the
// first n digits of the row's region code: `+is_current` for the same reason as there.
#include <set>
#include <string>

#include "entity/entity.h"
#include "sales/ledger_internal.h"
#include "sales/sales.h"

namespace ruralec::sales {
namespace {

using internal::YearRange;
using storage::Params;
using storage::Row;
using ByKey = std::map<std::string, RegionFigures>;

// `substr(region_code, 1, n)`: n comes from PrefixLength, never from input, so it is inlined
// (a bound integer would need a cast on PostgreSQL).
std::string Key(size_t n) { return "substr(region_code, 1, " + std::to_string(n) + ")"; }

Status AddSums(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
               ByKey& out) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + Key(n) +
                     ", COALESCE(SUM(CASE WHEN direction = 'uplink' THEN amount_fen END), 0), "
                     "COALESCE(SUM(CASE WHEN direction = 'downlink' THEN amount_fen END), 0), "
                     "COALESCE(SUM(CASE WHEN direction = 'uplink' AND agricultural = 1 "
                     "THEN amount_fen END), 0), COALESCE(SUM(export_usd_cents), 0) "
                     "FROM sales_records WHERE +is_current = 1 AND region_code LIKE ? "
                     "AND period >= ? AND period <= ? GROUP BY 1",
                 YearRange(parent, year)));
  for (const Row& r : rows)
    out[r.Text(0)].sum = YearSummary{Fen{r.Int(1)}, Fen{r.Int(2)}, Fen{r.Int(3)}, r.Int(4)};
  return {};
}

enum class Subject { kEntity, kBrand };

// Entities (or brands) whose uplink total in the year, within the group, exceeds `threshold`.
Status AddOver(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
               Subject subject, Fen threshold, ByKey& out) {
  const bool brands = subject == Subject::kBrand;
  const auto field = brands ? &RegionFigures::brands_over : &RegionFigures::entities_over;
  Params p = YearRange(parent, year);
  p.emplace_back(threshold.value);
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT k, COUNT(*) FROM (SELECT " + Key(n) + " AS k, " +
                                  (brands ? "brand_id" : "entity_id") +
                                  " FROM sales_records WHERE +is_current = 1 AND direction = "
                                  "'uplink' AND region_code LIKE ? AND period >= ? AND period "
                                  "<= ?" +
                                  (brands ? " AND brand_id IS NOT NULL" : "") +
                                  " GROUP BY 1, 2 HAVING SUM(amount_fen) > ?) x GROUP BY k",
                              p));
  for (const Row& r : rows) out[r.Text(0)].*field = r.Int(1);
  return {};
}

Status AddNewEntities(storage::Connection& conn, const RegionCode& parent, int year, size_t n,
                      ByKey& out) {
  // The entity registry counts per region code (a few thousand towns and villages at most);
  // the grouping by the first n digits happens here.
  ASSIGN_OR_RETURN(auto per_region, entity::RegisteredPerRegion(conn, std::string(parent.prefix()),
                                                                std::to_string(year) + "-01-01",
                                                                std::to_string(year) + "-12-31"));
  for (const auto& [code, count] : per_region) out[code.substr(0, n)].new_entities += count;
  return {};
}

// Every figure of `parent`'s rows grouped by their first n digits; groups without rows absent.
Result<ByKey> GroupedFigures(storage::Connection& conn, const RegionCode& parent, int year,
                             size_t n, std::optional<Fen> entity_threshold,
                             std::optional<Fen> brand_threshold) {
  ByKey out;
  RETURN_IF_ERROR(AddSums(conn, parent, year, n, out));
  RETURN_IF_ERROR(AddNewEntities(conn, parent, year, n, out));
  if (entity_threshold)
    RETURN_IF_ERROR(AddOver(conn, parent, year, n, Subject::kEntity, *entity_threshold, out));
  if (brand_threshold)
    RETURN_IF_ERROR(AddOver(conn, parent, year, n, Subject::kBrand, *brand_threshold, out));
  return out;
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

Result<std::map<std::string, RegionFigures>> FiguresOfChildren(
    storage::Connection& conn, const RegionCode& parent, const std::vector<RegionCode>& children,
    int year, std::optional<Fen> entity_threshold, std::optional<Fen> brand_threshold) {
  // Grouping by each child's own prefix length, not the parent's level + 1: a city without
  // counties (东莞) has towns as its children.
  std::set<size_t> lengths;
  for (const auto& c : children) lengths.insert(c.prefix().size());
  std::map<std::string, RegionFigures> out;
  for (size_t n : lengths) {
    ASSIGN_OR_RETURN(ByKey groups,
                     GroupedFigures(conn, parent, year, n, entity_threshold, brand_threshold));
    for (const auto& c : children) {
      if (c.prefix().size() != n) continue;
      auto it = groups.find(std::string(c.prefix()));
      RegionFigures f = it == groups.end() ? RegionFigures{} : it->second;
      if (entity_threshold && !f.entities_over) f.entities_over = 0;
      if (brand_threshold && !f.brands_over) f.brands_over = 0;
      out[c.str()] = f;
    }
  }
  return out;
}

}  // namespace ruralec::sales
