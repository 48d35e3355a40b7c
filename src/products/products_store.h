// The product library's SQL, on its own tables (product_grade_scales, products,
// product_certifications, product_admissions). Writes run in the caller's transaction; names
// of other modules' records (entities, brands, regions) are filled by the service.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "products/products.h"
#include "storage/stamp.h"

namespace ruralec::products::store {

Result<int64_t> InsertScale(storage::Connection& conn, const GradeScale& s, storage::Stamp by);
Result<std::optional<GradeScale>> GetScale(storage::Connection& conn, int64_t id);
Result<std::optional<GradeScale>> FindScale(storage::Connection& conn, const std::string& county,
                                            const std::string& name);
// Scales of the counties inside `scope` (a county or anything above).
Result<Page<GradeScale>> ListScales(storage::Connection& conn, const RegionCode& scope,
                                    const PageRequest& page);

Result<int64_t> InsertProduct(storage::Connection& conn, const Product& p, storage::Stamp by);
Status UpdateProduct(storage::Connection& conn, const Product& p, int64_t now_ms);
Status SetAdmission(storage::Connection& conn, int64_t id, Admission a, CivilDate on,
                    int64_t now_ms);
Result<std::optional<Product>> GetProduct(storage::Connection& conn, int64_t id);
// Another product of the county with this GTIN-14 (not `except`).
Result<bool> GtinTaken(storage::Connection& conn, const std::string& county,
                       const std::string& gtin, int64_t except);
// `owner`: the bound entity of the caller (entity::OwnEntityOnly), applied as a filter.
Result<Page<Product>> ListProducts(storage::Connection& conn, const Filter& f,
                                   std::optional<int64_t> owner, CivilDate today,
                                   const PageRequest& page);
// The ids among `ids` holding a product certification valid on `today`.
Result<std::set<int64_t>> CertifiedAmong(storage::Connection& conn, const std::vector<int64_t>& ids,
                                         CivilDate today);

Result<int64_t> InsertCertification(storage::Connection& conn, const Certification& c,
                                    storage::Stamp by);
Status UpdateCertification(storage::Connection& conn, const Certification& c, int64_t now_ms);
Result<std::optional<Certification>> GetCertification(storage::Connection& conn, int64_t id);
// The same kind and number already recorded for the same holder (not `except`).
Result<bool> CertificationTaken(storage::Connection& conn, const Certification& c);
Result<Page<Certification>> ListCertifications(storage::Connection& conn, const CertFilter& f,
                                               std::optional<int64_t> owner, CivilDate today,
                                               const PageRequest& page);
// A product's own certifications and its producer's (product_id NULL), by valid_to.
Result<std::vector<Certification>> CertificationsOf(storage::Connection& conn, int64_t product_id,
                                                    int64_t entity_id);

Result<std::optional<AdmissionMove>> FindMove(storage::Connection& conn, int64_t product_id,
                                              const std::string& key, std::string* fingerprint);
Result<int64_t> InsertMove(storage::Connection& conn, const AdmissionMove& m,
                           const std::string& fingerprint);
Result<std::vector<AdmissionMove>> History(storage::Connection& conn, int64_t product_id);

}  // namespace ruralec::products::store
