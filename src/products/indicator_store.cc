#include "products/indicator_store.h"

#include "storage/where.h"

namespace ruralec::products::store {
namespace {

// "c.kind IN (?, ?, ?, ?)" over the 三品一标 kinds.
storage::Where& KindsAndValid(storage::Where& w, CivilDate day) {
  const auto& kinds = SanpinYibiaoKinds();
  std::string in = "c.kind IN (";
  storage::Params p;
  for (size_t i = 0; i < kinds.size(); ++i) {
    in += i ? ", ?" : "?";
    p.emplace_back(kinds[i]);
  }
  w.Sql(in + ")", p);
  w.Cmp("c.valid_from", "<=", day.ToString());
  return w.Cmp("c.valid_to", ">=", day.ToString());
}

}  // namespace

const std::vector<std::string>& SanpinYibiaoKinds() {
  static const std::vector<std::string> k = {"pollution_free", "green_food", "organic",
                                             "geographical_indication"};
  return k;
}

Result<int64_t> CertifiedProducts(storage::Connection& conn, const RegionCode& region,
                                  CivilDate day) {
  storage::Where w;
  w.InSubtree("c.region_code", region);
  w.Sql("c.product_id IS NOT NULL");
  KindsAndValid(w, day);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT COUNT(DISTINCT c.product_id) FROM "
                                         "product_certifications c" +
                                             w.Clause(),
                                         w.params()));
  return rows.at(0).Int(0);
}

Result<std::set<int64_t>> CertifiedEntities(storage::Connection& conn, const RegionCode& region,
                                            CivilDate day) {
  storage::Where w;
  w.InSubtree("c.region_code", region);
  KindsAndValid(w, day);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT DISTINCT c.entity_id FROM "
                                         "product_certifications c" +
                                             w.Clause(),
                                         w.params()));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

Result<int64_t> AdmittedProducts(storage::Connection& conn, const RegionCode& region,
                                 CivilDate day) {
  storage::Where w;
  w.InSubtree("p.region_code", region);
  w.Sql(
      "(SELECT a.to_state FROM product_admissions a WHERE a.product_id = p.id AND "
      "a.on_date <= ? ORDER BY a.seq DESC LIMIT 1) = 'admitted'",
      {day.ToString()});
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT COUNT(*) FROM products p" + w.Clause(), w.params()));
  return rows.at(0).Int(0);
}

}  // namespace ruralec::products::store

namespace ruralec::products::trace::store {

Result<int64_t> TracedBatches(storage::Connection& conn, const RegionCode& region, int64_t from_ms,
                              int64_t to_ms) {
  storage::Where w;
  w.InSubtree("e.county_code", region.county());  // the index trace_events_time
  w.Cmp("e.event_time", ">=", from_ms);
  w.Cmp("e.event_time", "<", to_ms);
  w.Sql("e.kind = 'event'");
  w.InSubtree("b.region_code", region);
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT COUNT(DISTINCT e.batch_id) FROM trace_events e JOIN "
                              "trace_batches b ON b.id = e.batch_id" +
                                  w.Clause(),
                              w.params()));
  return rows.at(0).Int(0);
}

}  // namespace ruralec::products::trace::store
