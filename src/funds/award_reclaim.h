// Reclaiming an award over-payment (追回多付奖补, issue 21; docs/FUNDS.md "Reclaiming an
// over-payment"): when the approved later version of an award list pays a subject less than it
// was paid under an earlier one, the open item's negative delta becomes a claw-back receivable of
// the subject's project (ledger op `reclaim`: paid → claw-back), recovered to available money by
// `recover` transfers when the payee returns it.
//
// Contract:
//  - The decision is the approved later version of the list (maker-checker in the award module),
//    as for award payments (award_pay.h): finance staff (funds:edit) raise the reclaim of one
//    open item with a negative delta. The transfer route refuses `reclaim` (service.h).
//  - Amount: min(−delta, paid − owed), paid being what this fund paid for the subject's award
//    over the versions of its list (each version's item paid, unless reversed, less its reclaim,
//    unless reversed; PaidOnSubject) and owed the item's amount: never more than was actually
//    paid, never more than the later version took away; refused with the figures when nothing
//    was over-paid (an earlier version superseded before it was paid).
//  - Taken from the category the project's payments sit in (or the one named when they sit in
//    several); the ledger refuses more than was paid in it.
//  - One reclaim per item, key award-list-<list>-item-<item>-reclaim: repeating it answers the
//    first reclaim (repeated) and moves nothing. Transfer, item settled (award::MarkPaid),
//    reclaim row and audit entry ("funds.award_reclaim") commit together or not at all.
//  - Reversed only by a reversing transfer of the ledger; the row stays, its state `reversed`.
//  - Recoveries (`recover` of the project's category) settle the oldest live reclaim first.
#pragma once

#include <string>
#include <vector>

#include "award/payables.h"
#include "funds/reclaim_store.h"
#include "funds/rules.h"
#include "funds/service.h"

namespace ruralec::funds {

struct AwardReclaimRequest {
  int64_t list_id = 0, item_id = 0;
  std::string category;  // "" = where the project's payments sit
  CivilDate value_date;
  std::string document;  // the reclaim decision (追回通知书) reference
};

// Raises the reclaim of one item (funds:edit; the fund's county in the caller's region).
Result<AwardReclaim> RaiseAwardReclaim(const Deps& d, const account::Principal& who, FundId id,
                                       const AwardReclaimRequest& r);
// A fund's reclaims, newest first, with their state (funds:read); list_id 0 = every list.
Result<std::vector<AwardReclaim>> AwardReclaimsOf(const Deps& d, const account::Principal& who,
                                                  FundId id, int64_t list_id);

// The rules as pure functions (award_reclaim_test.cc).
// What may be reclaimed for `item` when its project was paid `paid` (fen) from the fund.
Result<int64_t> ReclaimableAmount(const award::PayableItem& item, int64_t paid);
// Fills recovered / outstanding / state of a fund's reclaims (any order) from its balances:
// a (category, project)'s claw-back balance is owed by its newest live reclaims.
void ReclaimStates(std::vector<AwardReclaim>& all, const FundState& s);
// What the fund paid for `item`'s subject and award (award::ItemsOfSubject: the same programme,
// scope, period, rule and subject) over every version: each item's payment (award_pay.h key)
// unless reversed, less each item's reclaim unless reversed. Other periods or rules paid on the
// same project do not count.
Result<int64_t> PaidOnSubject(storage::Connection& conn, FundId fund,
                              const award::PayableItem& item);
std::string ReclaimKey(int64_t list_id, int64_t item_id);

}  // namespace ruralec::funds
