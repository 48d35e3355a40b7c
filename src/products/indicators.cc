#include "products/indicators.h"

#include <cstdio>
#include <set>

#include "entity/entity.h"
#include "products/indicator_store.h"
#include "products/scan_store.h"
#include "sales/totals.h"

namespace ruralec::products::indicators {
namespace {

using runtime::IndicatorQuery;
using runtime::Measurement;

constexpr char kLibrary[] = "product library (products, product_certifications, admissions)";
constexpr char kOnline[] = "product library certificates + sales ledger (sales::ScanYear)";
constexpr char kBrands[] = "entity brands flagged regional_brand (entity::BrandsIn)";
constexpr char kTrace[] = "trace batches and events (trace_batches, trace_events)";
constexpr char kScans[] = "public trace page scans (trace_scans)";

Measurement Value(int64_t v) {
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.value = v;
  return m;
}

// Midnight at the start of `d` in Asia/Shanghai, UTC ms.
int64_t StartOf(CivilDate d) { return d.DaysSinceEpoch() * 86'400'000 - 8 * 3'600'000; }

std::string Month(CivilDate d) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year(), d.month());
  return buf;
}

Result<Measurement> SellingOnline(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(std::set<int64_t> certified, store::CertifiedEntities(conn, q.region, q.to));
  if (certified.empty()) return Value(0);
  const std::string first = Month(q.from), last = Month(q.to);
  std::set<int64_t> selling;
  for (int year = q.from.year(); year <= q.to.year(); ++year) {
    RETURN_IF_ERROR(sales::ScanYear(conn, q.region, year, [&](const sales::LedgerRow& r) {
      if (r.amount_fen > 0 && r.period >= first && r.period <= last &&
          certified.contains(r.entity_id))
        selling.insert(r.entity_id);
    }));
  }
  return Value(static_cast<int64_t>(selling.size()));
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {
      {"certified_products", kLibrary,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         ASSIGN_OR_RETURN(int64_t n, store::CertifiedProducts(c, q.region, q.to));
         return Value(n);
       }},
      {"certified_entities_selling_online", kOnline, SellingOnline},
      {"regional_public_brands", kBrands,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         ASSIGN_OR_RETURN(auto brands, entity::BrandsIn(c, q.region));
         int64_t n = 0;
         for (const auto& b : brands) n += b.regional_brand ? 1 : 0;
         return Value(n);
       }},
      {"admitted_products", kLibrary,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         ASSIGN_OR_RETURN(int64_t n, store::AdmittedProducts(c, q.region, q.to));
         return Value(n);
       }},
      {"traced_batches", kTrace,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         ASSIGN_OR_RETURN(int64_t n, trace::store::TracedBatches(c, q.region, StartOf(q.from),
                                                                 StartOf(q.to.AddDays(1))));
         return Value(n);
       }},
      {"trace_page_scans", kScans,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         ASSIGN_OR_RETURN(int64_t n, trace::store::ScanSum(c, q.region, q.from, q.to));
         return Value(n);
       }},
  };
}

}  // namespace ruralec::products::indicators
