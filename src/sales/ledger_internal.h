// Shared by the ledger's SQL files (ledger_store.cc, figures.cc); not part of the module's API.
#pragma once

#include "core/types.h"
#include "storage/db.h"

namespace ruralec::sales::internal {

// Params of a year's region aggregate: the region's LIKE prefix, then the year's bounds as
// period strings ("2024-01" <= period <= "2024-12").
storage::Params YearRange(const RegionCode& region, int year);

}  // namespace ruralec::sales::internal
