// The ledger's rules as pure functions (docs/FUNDS.md "Rules"): no SQL, no clock. The store
// loads a fund's state; these decide. Every refusal names the rule and the figures in Chinese.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/result.h"
#include "funds/funds.h"

namespace ruralec::funds {

// A fund's state as the rules need it: every account's balance (absent = 0) and its projects.
struct FundState {
  Fund fund;
  std::map<Account, int64_t> balances;
  std::map<std::string, Project> projects;
  int64_t Balance(const Account& a) const;
  // What was approved for a project and not taken back: committed + advanced + paid +
  // claw-back, over its categories.
  int64_t Approved(const std::string& project) const;
  // The same over a category's projects.
  int64_t CategoryApproved(const std::string& category) const;
};

// The two accounts an operation moves money between (kReverse: none; the store swaps the
// original's accounts).
std::pair<Account, Account> MovementOf(Op op, const std::string& category,
                                       const std::string& project);

// Checks a transfer from `from` to `to` against the state before it. kInvalidArgument for a
// malformed request (field named), kConflict for a rule the money would break.
Status CheckTransfer(const FundState& s, const TransferRequest& r, const Account& from,
                     const Account& to);

// Checks a plan adjustment against the state before it: document and reason present, the
// category in the plan, the new figure ≥ what the category has approved, and the plans within
// the fund's amount.
Status CheckPlanChange(const FundState& s, const PlanChange& c);

// Settlement (closing through the end of validity): the uplink share of what is approved, in
// basis points (figures.h), must be ≥ 5000 when anything is approved.
Status CheckSettlement(const Fund& f, CivilDate through, int64_t uplink_bp);

}  // namespace ruralec::funds
