// The funds module's list reads (the rest of its SQL is ledger_store.h): pages of funds in a
// region scope, pages of a fund's transfers and projects, and the uplink sums of commitments.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "funds/figures.h"
#include "funds/funds.h"
#include "storage/db.h"

namespace ruralec::funds::store {

// Funds whose county lies in `scope` (a county, city or province code), newest first.
Result<Page<Fund>> FundsPage(storage::Connection& conn, const RegionCode& scope,
                             const PageRequest& page);

struct TransferFilter {
  std::optional<Op> op;
  std::string project;   // either side of the transfer
  std::string category;  // either side
};
// A fund's transfers, newest first (seq descending), each with whether it has been reversed.
struct TransferRow {
  Transfer transfer;
  std::optional<TransferId> reversed_by;
};
Result<Page<TransferRow>> TransfersPage(storage::Connection& conn, FundId fund,
                                        const TransferFilter& f, const PageRequest& page);

// A fund's projects by key.
Result<Page<Project>> ProjectsPage(storage::Connection& conn, FundId fund, const PageRequest& page);

// A fund's plan changes, newest first.
Result<Page<PlanChange>> PlanChangesPage(storage::Connection& conn, FundId fund,
                                         const PageRequest& page);

// Per project: Σ amount × uplink_pct and Σ amount of its commitments not reversed.
Result<std::map<std::string, UplinkSums>> ProjectUplink(storage::Connection& conn, FundId fund);

}  // namespace ruralec::funds::store
