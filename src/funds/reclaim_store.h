// The rows of award over-payment reclaims (schema/migrations/0056_fund_award_reclaims.sql, 0060;
// award_reclaim.h). A row ties a `reclaim` transfer to the award item it settles; the state
// (what came back, reversed) is derived from the ledger by award_reclaim.cc. The caller holds
// the transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "funds/funds.h"
#include "storage/db.h"

namespace ruralec::funds {

enum class ReclaimState { kRaised, kPartlyRecovered, kRecovered, kReversed };
const char* ReclaimStateName(ReclaimState s);   // "raised", …
const char* ReclaimStateLabel(ReclaimState s);  // "待追回", …

struct AwardReclaim {
  int64_t id = 0;
  FundId fund;
  int64_t list_id = 0, item_id = 0;
  TransferId transfer;
  std::string project, category, payee_name, rule_id;
  Fen delta;   // the item's delta (negative)
  Fen amount;  // what was reclaimed: paid → claw-back
  CivilDate value_date;
  std::string document;  // the transfer's
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
  std::optional<TransferId> reversed_by;
  // Derived (award_reclaim.cc ReclaimStates): what came back and what is still owed.
  Fen recovered, outstanding;
  ReclaimState state = ReclaimState::kRaised;
  bool repeated = false;  // answered from an earlier identical command
};

namespace store {

Status InsertReclaim(storage::Connection& conn, AwardReclaim* r);
// The newest reclaim of an award item, in any fund (an item has more than one only when each
// earlier one was reversed: a reversal frees the reclaim to be raised again).
Result<std::optional<AwardReclaim>> ReclaimOfItem(storage::Connection& conn, int64_t item_id);
// Every reclaim of an award item, in any fund, oldest first.
Result<std::vector<AwardReclaim>> ReclaimsOfItem(storage::Connection& conn, int64_t item_id);
// Every reclaim of a fund, oldest first, with its transfer's date, document and reversal.
Result<std::vector<AwardReclaim>> ReclaimsOfFund(storage::Connection& conn, FundId fund);

}  // namespace store
}  // namespace ruralec::funds
