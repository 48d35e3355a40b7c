// Payable items of approved award lists become payments (issue 21 item 4; docs/FUNDS.md
// "Award payments"). Each open, payable item of the list is one project of the fund — keyed by
// programme, rule and subject, so every version of a subject's award lands on the same project —
// committed and paid what its subject is still owed in one run: the item's amount less what was
// actually paid over the versions of the list, in any fund (award_reclaim.h StandingOf, the
// computation the reclaim uses), not its delta_fen: a version superseded before it was paid
// leaves nothing unpaid, and a subject dropped and added again is not paid twice. The item is
// marked paid in the same transaction.
//
// Contract:
//  - All or nothing: one refusal of the ledger (plan exceeded, not enough available money,
//    closed books) refuses the run, naming the item and the rule; nothing is paid.
//  - Idempotent: each item's transfers carry the keys `award-item-<id>-commit|pay`, and a paid
//    item is not open any more, so running the same list again pays nothing twice.
//  - Items not payable now are listed with the reason and left open: waiting for acceptance, or
//    paid beyond what the item owes (a later version pays less: its reclaim is raised item by
//    item, award_reclaim.h; the view shows what a reclaim would take now). An item owed nothing
//    more is settled by the run without a transfer.
#pragma once

#include <string>
#include <vector>

#include "award/payables.h"
#include "funds/service.h"

namespace ruralec::funds {

struct AwardPayment {
  int64_t list_id = 0;
  std::string category;  // the plan category the awards are paid from
  CivilDate value_date;
  std::string document;  // the treasury payment reference of the run
  int uplink_pct = 0;    // the share of these awards that serves uplink (0–100)
};

struct AwardItemView {
  award::PayableItem item;
  std::string project;  // the fund project key it is (or would be) paid under
  bool payable = false;
  std::string reason;  // why it is not paid now ("" when payable)
  Fen due;             // open: what a run pays (owed − paid over the versions; 0 when none)
  Fen reclaim;         // what a reclaim of the item would take now (0: nothing)
};

struct AwardPaymentResult {
  int64_t paid_items = 0;
  Fen paid;
  std::vector<AwardItemView> items;  // every item of the list with what happened to it
};

// The acceptance (验收) an item of a rule paid only after acceptance waits for, recorded with the
// acceptance opinion's reference (docs/FUNDS.md "Award payments").
struct AwardAcceptance {
  int64_t list_id = 0, item_id = 0;
  bool accepted = true;  // false: the acceptance failed, the item is never paid
  CivilDate on;          // the date of the acceptance
  std::string document;  // 验收意见 reference
};

struct AwardAcceptanceResult {
  AwardItemView item;     // the item as a run sees it now
  bool repeated = false;  // it was already in that state: nothing changed
};

// The list's items as a run would see them (read-only; funds:read).
Result<std::vector<AwardItemView>> AwardItems(const Deps& d, const account::Principal& who,
                                              FundId id, int64_t list_id);
// Pays the list's payable items from the fund (funds:edit). Audited "funds.award_payment".
Result<AwardPaymentResult> PayAwardList(const Deps& d, const account::Principal& who, FundId id,
                                        const AwardPayment& p);

// Records an item's acceptance (funds:edit; the fund's county in the caller's region): accepted
// makes it payable by the next run, failed never. The same again answers `repeated`; the other
// state, or an item that needs no acceptance, is refused (409 item_id). Audited
// "funds.award_acceptance" with the date and document. Later versions keep it (award approve).
Result<AwardAcceptanceResult> RecordAwardAcceptance(const Deps& d, const account::Principal& who,
                                                    FundId id, const AwardAcceptance& a);

// The project key of an item: "award:<programme>:<rule>:<kind>:<subject>".
std::string AwardProjectKey(const award::PayableItem& item);
// The idempotency key of an item's payment ("award-item-<id>-pay").
std::string AwardPayKey(int64_t item_id);

}  // namespace ruralec::funds
