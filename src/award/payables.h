// The payable items an approved award list hands to the fund ledger (table award_payable_items,
// written by Lists::Approve in the approval's transaction; docs/AWARDS.md "Payable items").
// The funds module reads and settles them only through these calls.
//
// Contract:
//  - An item is `open` until paid or superseded by the next approved version of its list. Its
//    delta_fen is what is still owed against the item it replaces (negative when a later
//    version pays less: money to reclaim).
//  - An item with payable_after_acceptance waits for acceptance_status `accepted`, recorded by
//    the fund ledger's finance staff with the acceptance document (SetAcceptance).
//  - MarkPaid joins the caller's transaction: the payment and the item's status change commit
//    together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::award {

struct PayableItem {
  int64_t id = 0, list_id = 0;
  std::optional<int64_t> line_id;  // none for a reversal item (a subject the new version dropped)
  std::string county_code, programme_key, scope_code, period, rule_id, subject_kind;
  int64_t subject_id = 0;
  std::string payee_name, region_code;
  int64_t amount_fen = 0, delta_fen = 0;
  bool payable_after_acceptance = false;
  std::string acceptance_status;  // not_required | pending | accepted | failed
  std::string status;             // open | superseded | paid
  // May be paid now: open, and accepted where the rule pays only after acceptance.
  bool Payable() const {
    return status == "open" && (!payable_after_acceptance || acceptance_status == "accepted");
  }
};

// Every item of a list, in id order.
Result<std::vector<PayableItem>> ItemsOfList(storage::Connection& conn, int64_t list_id);
// Every item, of any version, owing the same subject the same award as `item` (programme, scope,
// period, rule, subject): the chain of versions whose deltas add up to what is owed, in id order.
Result<std::vector<PayableItem>> ItemsOfSubject(storage::Connection& conn, const PayableItem& item);
// Marks an open item paid; kConflict (field "item") when it is no longer open.
Status MarkPaid(storage::Connection& conn, int64_t item_id);
// Records the acceptance (验收) an open item waits for: `accepted` makes it payable, `failed`
// never (no subsidy). kConflict (field "item_id") unless the item is open and pending.
// A later version's item of the subject keeps the recorded state (approve.cc).
Status SetAcceptance(storage::Connection& conn, int64_t item_id, bool accepted);

}  // namespace ruralec::award
