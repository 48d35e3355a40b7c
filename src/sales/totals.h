// Streaming read of one year of the current sales ledger inside a region subtree, for engines
// that need every record id behind a figure (the award list explains each yuan with them).
// Contract: current rows only (corrections replace what they supersede); rows arrive in id
// order, read in pages of 50,000, so memory stays bounded whatever the size of the ledger.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::sales {

struct LedgerRow {
  int64_t id = 0;
  int64_t entity_id = 0;
  std::optional<int64_t> brand_id;
  std::string period;  // YYYY-MM
  bool uplink = true;
  bool agricultural = false;
  int64_t amount_fen = 0;
  std::optional<int64_t> export_usd_cents;
};

// Calls `fn` for every current row of `year` whose region is inside `region`.
Status ScanYear(storage::Connection& conn, const RegionCode& region, int year,
                const std::function<void(const LedgerRow&)>& fn);

}  // namespace ruralec::sales
