// The product library's figures for the indicator registry (indicators.h): counts over a region
// subtree on the module's own tables, one statement each.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::products::store {

// The certification kinds of 三品一标 (not the 达标合格证).
const std::vector<std::string>& SanpinYibiaoKinds();
// Products of the subtree holding a certificate of their own of those kinds valid on `day`.
Result<int64_t> CertifiedProducts(storage::Connection& conn, const RegionCode& region,
                                  CivilDate day);
// Producers holding such a certificate valid on `day` — their own, or one of their products' —
// filed in the subtree.
Result<std::set<int64_t>> CertifiedEntities(storage::Connection& conn, const RegionCode& region,
                                            CivilDate day);
// Products of the subtree whose last admission move dated on or before `day` left them
// admitted.
Result<int64_t> AdmittedProducts(storage::Connection& conn, const RegionCode& region,
                                 CivilDate day);

}  // namespace ruralec::products::store

namespace ruralec::products::trace::store {

// Batches of the subtree with an event (not a declaration) whose time is in [from_ms, to_ms).
Result<int64_t> TracedBatches(storage::Connection& conn, const RegionCode& region, int64_t from_ms,
                              int64_t to_ms);

}  // namespace ruralec::products::trace::store
