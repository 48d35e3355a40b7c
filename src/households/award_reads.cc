// SQL of the award reads (award_reads.h) on the module's own tables.
#include "households/award_reads.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::households {

Result<std::vector<EntityEmployments>> EmploymentsOfYear(storage::Connection& conn, int year) {
  std::string y = std::to_string(year);
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT entity_id, id FROM household_employments WHERE since <= ? "
                              "AND (until IS NULL OR until >= ?) ORDER BY entity_id, id",
                              {y + "-12-31", y + "-01-01"}));
  std::vector<EntityEmployments> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().entity_id != r.Int(0)) out.push_back({r.Int(0), {}});
    out.back().employment_ids.push_back(r.Int(1));
  }
  return out;
}

Result<std::vector<FirstShop>> FirstShopsIn(storage::Connection& conn, const RegionCode& scope,
                                            int year) {
  std::string y = std::to_string(year);
  storage::Where w;
  w.InSubtree("s.region_code", scope)
      .Cmp("s.opened_on", ">=", y + "-01-01")
      .Cmp("s.opened_on", "<=", y + "-12-31")
      .Sql(
          "NOT EXISTS (SELECT 1 FROM household_shops e WHERE e.household_id = s.household_id AND "
          "(e.opened_on < s.opened_on OR (e.opened_on = s.opened_on AND e.id < s.id)))");
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT s.household_id, s.id, s.region_code, h.head_name_masked, s.platform, "
                 "s.shop_name, s.opened_on FROM household_shops s JOIN households h ON h.id = "
                 "s.household_id" +
                     w.Clause() + " ORDER BY s.household_id",
                 w.params()));
  std::vector<FirstShop> out;
  for (const auto& r : rows) {
    auto region = RegionCode::Parse(r.Text(2));
    auto opened = CivilDate::Parse(r.Text(6));
    if (!region.ok() || !opened.ok()) return Error::Internal("网店记录的区划或日期无法读取");
    out.push_back({r.Int(0), r.Int(1), *region, r.Text(3), r.Text(4), r.Text(5), *opened});
  }
  return out;
}

}  // namespace ruralec::households
