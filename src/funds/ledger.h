// The ledger's commands and its verification (docs/FUNDS.md). Each command runs in its own
// write transaction (or joins the caller's, e.g. with the audit entry of an HTTP request).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "crypto/crypto.h"
#include "funds/funds.h"
#include "storage/db.h"

namespace ruralec::funds {

struct Actor {
  std::optional<int64_t> user_id;
  int64_t now_ms = 0;
};

// Validates (name, amount, dates, categories: codes unique, plans ≤ the amount) and stores.
Result<FundId> CreateFund(storage::Connection& conn, Fund f, const Actor& by);
// One fund (with its categories); kNotFound unless it exists (and lies in `county` when given).
// For modules that name a fund (projects).
Result<Fund> GetFund(storage::Connection& conn, FundId fund, const std::string& county = "");
// Adds a project or changes its status (open → accepted | failed, dated; never back to open).
Status PutProject(storage::Connection& conn, FundId fund, Project p);
// Closes the fund's books through `d` (later than any earlier close). Closing through the end
// of the fund's validity is its settlement (结算): refused while the uplink share of what was
// approved (figures.h) is below 50% (004: 农产品上行支出不低于50%).
Status CloseThrough(storage::Connection& conn, FundId fund, CivilDate d);

// Sets a category's planned amount by a document with a reason (both required). Refused when
// the new plan is below what the category has approved, or the plans would exceed the fund's
// amount. Setting the figure it already has changes nothing and returns false (a repeated
// request is harmless); otherwise the change is kept in the history and true returned.
Result<bool> AdjustPlan(storage::Connection& conn, FundId fund, PlanChange c, const Actor& by);

// Moves money (funds.h contract). A repeated key returns the first transfer (repeated = true).
Result<Transfer> Move(storage::Connection& conn, const crypto::RecordMac& mac, FundId fund,
                      TransferRequest r, const Actor& by);

Result<std::vector<Balance>> Balances(storage::Connection& conn, FundId fund);

struct VerifyReport {
  bool ok = true;
  int64_t funds = 0, transfers = 0;
  std::string violation;  // the first one, in Chinese; "" when ok
};
// Walks every fund's chain (or one fund's), recomputes every balance after each transfer
// (never negative but for the treasury) and compares the end with the stored balances.
Result<VerifyReport> Verify(storage::Connection& conn, const crypto::RecordMac& mac,
                            std::optional<FundId> fund = std::nullopt);

// The canonical text a transfer's tag covers (tests alter rows and expect verify to notice).
std::string TagInput(const Transfer& t);

}  // namespace ruralec::funds
