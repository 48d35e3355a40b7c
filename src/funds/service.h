// The funds service (docs/FUNDS.md "Routes"): who may read and move money, in whose region.
//
// Contract:
//  - Reads need funds:read and a fund whose county the caller can see (their region contains
//    it, or it contains theirs); otherwise kNotFound, as if the fund did not exist.
//  - Writes need funds:edit and the fund's county inside the caller's region (kForbidden).
//  - Every write and its audit entry are one transaction; a refused command writes nothing
//    (the refusal is audited as an attempt by the HTTP layer, not here).
//  - A repeated idempotency key moves nothing and returns the first transfer (repeated=true);
//    it is not audited again.
//  - MoveMoney refuses `reclaim`: an award over-payment is reclaimed from its list item only
//    (award_reclaim.h); its reversal and the recoveries are ordinary commands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "funds/figures.h"
#include "funds/ledger.h"
#include "funds/read_store.h"
#include "storage/db.h"

namespace ruralec::funds {

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::RecordMac& mac;  // the key of the transfer chain (runtime::Context::record_mac)
};

struct FundView {
  Fund fund;
  FundFigures figures;
  int64_t projects = 0;
};

Result<Page<FundView>> ListFunds(const Deps& d, const account::Principal& who,
                                 const RegionCode& scope, const PageRequest& page);
Result<FundView> GetFund(const Deps& d, const account::Principal& who, FundId id);
// Creates a fund of the county `f.county_code` (a county-level code in the caller's region).
Result<FundView> CreateFund(const Deps& d, const account::Principal& who, Fund f);

// A fund's balance sheet: every account with a balance (or ever moved), in account order.
Result<Page<Balance>> BalancesOf(const Deps& d, const account::Principal& who, FundId id,
                                 const PageRequest& page);
Result<Page<store::TransferRow>> TransfersOf(const Deps& d, const account::Principal& who,
                                             FundId id, const store::TransferFilter& f,
                                             const PageRequest& page);
Result<Page<Project>> ProjectsOf(const Deps& d, const account::Principal& who, FundId id,
                                 const PageRequest& page);

Result<Transfer> MoveMoney(const Deps& d, const account::Principal& who, FundId id,
                           TransferRequest r);
Status PutFundProject(const Deps& d, const account::Principal& who, FundId id, Project p);
Status CloseFund(const Deps& d, const account::Principal& who, FundId id, CivilDate through);
// Adjusts a category's plan by a document (ledger.h AdjustPlan; audited "funds.plan_change"
// when something changed). Returns whether it changed.
Result<bool> AdjustFundPlan(const Deps& d, const account::Principal& who, FundId id, PlanChange c);
Result<Page<PlanChange>> PlanChangesOf(const Deps& d, const account::Principal& who, FundId id,
                                       const PageRequest& page);
// Walks the fund's chain (audited "funds.verify": who checked, and what was found).
Result<VerifyReport> VerifyFund(const Deps& d, const account::Principal& who, FundId id);

}  // namespace ruralec::funds
