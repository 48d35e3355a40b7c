// Pieces shared by the product library's service files (library.cc, certifications.cc,
// admission.cc, trace.cc). Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "products/products.h"

namespace ruralec::products::internal {

Status NeedRead(const account::Principal& who);
// The entity a caller acting for a business is bound to (entity::OwnEntityOnly): its reads and
// writes are limited to that entity's records (0: none).
std::optional<int64_t> Owner(const account::Principal& who);
// Whether `who` may see a record of `region` and producer `entity_id`.
bool Sees(const account::Principal& who, const RegionCode& region, int64_t entity_id);
// Whether `who` may write it: Sees, and the region inside the caller's scope.
bool MayWrite(const account::Principal& who, const RegionCode& region, int64_t entity_id);

// Fills the names of other modules' records (producer, brands, region) and `certified`.
Status Name(storage::Connection& conn, std::vector<Product>& items, CivilDate today);
// Fills kind_label, status, days_left, and the producers' names.
Status NameCerts(storage::Connection& conn, std::vector<Certification>& items, CivilDate today);
void DateStatus(Certification& c, CivilDate today);

// The product's detail as `who` sees it.
Result<Detail> DetailOf(storage::Connection& conn, const account::Principal& who, Product p,
                        CivilDate today);

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional);
std::string ActorName(const account::Principal& who);

}  // namespace ruralec::products::internal
