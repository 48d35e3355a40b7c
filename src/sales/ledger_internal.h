// Shared by the ledger's SQL files (ledger_store.cc, figures.cc, queries.cc); not part of the
// module's API.
#pragma once

#include "core/types.h"
#include "sales/sales.h"
#include "storage/db.h"
#include "storage/row.h"

namespace ruralec::sales::internal {

// Params of a year's region aggregate: the region's LIKE prefix, then the year's bounds as
// period strings ("2024-01" <= period <= "2024-12").
storage::Params YearRange(const RegionCode& region, int year);

// The record of a sales_records row, read by column name (the row's columns must include
// kRecordColumns' names; queries.cc adds joined ones).
SalesRecord RecordFrom(const storage::NamedRow& r);

}  // namespace ruralec::sales::internal
