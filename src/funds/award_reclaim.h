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
//  - Amount: paid − owed, paid being what was paid for the subject's award over the versions of
//    its list in every fund (each version's item paid, unless reversed, less its reclaims, unless
//    reversed; StandingOf) and owed the item's amount: never more than was actually paid beyond
//    what the latest version owes, whatever the item's delta (an earlier reduction superseded
//    before it was reclaimed is taken back by the next version); refused with the figures when
//    nothing was over-paid (an earlier version superseded before it was paid).
//  - Taken from the category the project's payments sit in (or the one named when they sit in
//    several); the ledger refuses more than was paid in it.
//  - One live reclaim per item, key award-list-<list>-item-<item>-reclaim: repeating it answers
//    the live reclaim (repeated) and moves nothing. Transfer, item settled (award::MarkPaid),
//    reclaim row and audit entry ("funds.award_reclaim") commit together or not at all.
//  - Reversed only by a reversing transfer of the ledger; the row stays, its state `reversed`.
//    The reversal frees the item: raised again (while no later version replaced it) it is a new
//    command, keyed ...-reclaim-after-<the reversal's transfer id>, answered as above when
//    repeated.
//  - Recoveries (`recover` of the project's category) settle the oldest live reclaim first.
#pragma once

#include <optional>
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
// What may be reclaimed for `item` (open) when its subject's award was paid `paid` (fen).
Result<int64_t> ReclaimableAmount(const award::PayableItem& item, int64_t paid);
// Fills recovered / outstanding / state of a fund's reclaims (any order) from its balances:
// a (category, project)'s claw-back balance is owed by its newest live reclaims.
void ReclaimStates(std::vector<AwardReclaim>& all, const FundState& s);
// Where an item's subject stands over the versions of its award (award::ItemsOfSubject: the same
// programme, scope, period, rule and subject), read from the ledger of every fund.
struct SubjectStanding {
  int64_t paid = 0;    // each item's payment (award_pay.h key) unless reversed, less each
                       // item's reclaims unless reversed; other periods or rules do not count
  bool newest = true;  // no later version has an item for the subject
  std::optional<AwardReclaim> reclaim;  // the item's own newest reclaim
};
Result<SubjectStanding> StandingOf(storage::Connection& conn, const award::PayableItem& item);
// The item as a reclaim sees it: a settled item whose newest reclaim was reversed is open again
// while it is the newest of its subject, superseded once a later version has an item for it.
award::PayableItem ForReclaim(const award::PayableItem& item, const SubjectStanding& s);
std::string ReclaimKey(int64_t list_id, int64_t item_id);
// The key of a reclaim raised again after `reversal` undid the item's previous one.
std::string ReclaimAgainKey(int64_t list_id, int64_t item_id, TransferId reversal);

}  // namespace ruralec::funds
