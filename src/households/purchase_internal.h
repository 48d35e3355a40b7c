// The purchase row rules shared by the service (purchases.cc) and the import.
#pragma once

#include "households/purchases.h"

namespace ruralec::households::internal {

// Whether `who` sees the purchases of entity `entity_id` registered in `region`: a bound caller
// only its own entity's, staff the entities inside their region.
bool SeesPurchasesOf(const account::Principal& who, int64_t entity_id, const RegionCode& region);
// The buying entity's region; kInvalidArgument (field entity_id) when it is not registered or
// outside the caller's view.
Result<RegionCode> CheckBuyer(storage::Connection& conn, const account::Principal& who,
                              int64_t entity_id);
// The seller exists: a registered household (in.village set to its village) or a village tagged
// poverty_village. kInvalidArgument naming household_id / village_code.
Status CheckSeller(storage::Connection& conn, PurchaseInput& in);
// The link, by the registered check (purchases.h); OK when there is none to check.
Status CheckLink(storage::Connection& conn, PurchaseInput& in);

}  // namespace ruralec::households::internal
