// What an award list that left draft (proposed, approved, superseded: money decided or paid)
// pins of the records its lines explain: such records must not disappear under it. Used by
// award's runtime::ImportDependent hooks (an import batch of sales rows or entities cannot be
// undone once a list used them; docs/AWARDS.md).
#pragma once

#include <vector>

#include "storage/db.h"

namespace ruralec::award {

// kConflict naming the list when a line of a non-draft list explains its figure with one of
// the ledger rows `record_ids` (metrics online_sales, uplink_online_sales, online_export_sales
// of entity, brand and export subjects).
Status CheckSalesUnused(storage::Connection& conn, const std::vector<int64_t>& record_ids);
// The same for station lines and the service records `record_ids` (every metric but the
// assessment score), and for the monthly records that count the events `event_ids`.
Status CheckStationRecordsUnused(storage::Connection& conn, const std::vector<int64_t>& record_ids);
Status CheckStationEventsUnused(storage::Connection& conn, const std::vector<int64_t>& event_ids);

}  // namespace ruralec::award
