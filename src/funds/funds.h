// Special funds (专项资金, issue 21; docs/FUNDS.md): a fund with its category plan and projects,
// and a double-entry ledger that cannot lose or double-pay a fen.
//
// Contract:
//  - An account is (fund, kind, category, project). Money enters a fund from its treasury
//    account (arrive) and leaves to it (give back); every movement is one Transfer between two
//    accounts, immutable; a correction is a reversing transfer (at most one per transfer).
//  - Only the treasury account may go negative; every other balance stays ≥ 0, so a project is
//    never paid more than was committed to it and never clawed back more than it was advanced.
//  - Rules checked before anything is written, each refusal naming the rule and the figures
//    (CheckTransfer, rules.h): advance only before acceptance and at most the fund's advance_pct
//    of the project's approved subsidy; pay and settle only after acceptance; claw back only
//    after a failed acceptance; an award over-payment reclaimed only with its reason and at
//    most what was paid; a category's commitments within its plan; forbidden purposes
//    refused; 公共服务中心 over 15% of the fund only with a recorded reason; nothing dated on or
//    before the fund's closed date.
//  - Every transfer carries an idempotency key: the same key with the same command returns the
//    first transfer and moves nothing; with a different command it is refused (kConflict).
//  - Each fund's transfers form a keyed hash chain (crypto::RecordMac); Verify walks it,
//    recomputes every balance and re-checks the invariants, naming the first violation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/types.h"

namespace ruralec::funds {

struct FundTag {};
struct TransferTag {};
using FundId = Id<FundTag>;
using TransferId = Id<TransferTag>;

enum class Source { kCentral, kProvincial, kCity, kCounty, kOther };
const char* SourceName(Source s);   // "central", …
const char* SourceLabel(Source s);  // "中央财政", …
Result<Source> ParseSource(std::string_view s);

// Where money sits. kTreasury: outside the fund (the money's source and where it is returned);
// kAvailable: arrived, not yet committed (fund level); the rest are per category and project.
enum class Kind { kTreasury, kAvailable, kCommitted, kAdvanced, kPaid, kClawback };
const char* KindName(Kind k);   // "treasury", …
const char* KindLabel(Kind k);  // "国库", "可用", …
Result<Kind> ParseKind(std::string_view s);

struct Account {
  Kind kind = Kind::kTreasury;
  std::string category;                              // "" for treasury and available
  std::string project;                               // "" for treasury and available
  auto operator<=>(const Account&) const = default;  // NOLINT(modernize-use-nullptr)
};

// What a command does; each names its two accounts (MovementOf in rules.h).
enum class Op {
  kArrive,    // a tranche arrives: treasury → available
  kCommit,    // approve a project's subsidy: available → committed(category, project)
  kDecommit,  // reduce an approval: committed → available
  kAdvance,   // advance before acceptance: committed → advanced
  kPay,       // pay after acceptance: committed → paid
  kSettle,    // an advance counts as paid after acceptance: advanced → paid
  kClawback,  // acceptance failed: advanced → claw-back receivable
  kRecover,   // the clawed-back money returned: claw-back → available
  kGiveBack,  // unused money returned to the treasury: available → treasury
  kReverse,   // undo an earlier transfer: its accounts swapped
  kReclaim,   // an award over-payment to recover (a later list version pays less): paid →
              // claw-back receivable; raised only from the award list (award_reclaim.h)
};
const char* OpName(Op op);   // "arrive", …
const char* OpLabel(Op op);  // "资金到位", …
Result<Op> ParseOp(std::string_view s);

struct Category {
  std::string code;  // e.g. "public_service_center"
  std::string name;
  Fen planned;
};

// The category whose share of the fund is capped at 15% 原则上 (004): going over needs a reason.
inline constexpr const char* kPublicServiceCenter = "public_service_center";
inline constexpr int kPublicServiceCenterPct = 15;

struct Fund {
  FundId id;
  std::string county_code;
  std::optional<int64_t> programme_id;
  std::string name;
  Source source = Source::kCentral;
  Fen amount;
  int advance_pct = 0;  // 0–100; 0 = no advance before acceptance
  CivilDate valid_from, valid_to;
  std::string document;
  std::optional<CivilDate> closed_through;
  std::vector<Category> categories;
};

enum class ProjectStatus { kOpen, kAccepted, kFailed };
const char* ProjectStatusName(ProjectStatus s);
const char* ProjectStatusLabel(ProjectStatus s);  // "未验收", …
Result<ProjectStatus> ParseProjectStatus(std::string_view s);

struct Project {
  std::string key;  // the fund's own key for it, e.g. "P-2024-003"
  std::string name;
  ProjectStatus status = ProjectStatus::kOpen;
  std::optional<CivilDate> status_on;
};

// A command to move money. category/project name the project account (commit … clawback);
// purpose and uplink_pct describe a commitment; reason answers a warning rule (15%).
struct TransferRequest {
  Op op = Op::kArrive;
  std::string category, project;
  Fen amount;
  CivilDate value_date;
  std::string document;  // approval, voucher, treasury payment reference: required
  std::string purpose;   // commit: a purpose code (forbidden ones are refused)
  int uplink_pct = 0;    // commit: the share of the spending that serves uplink (0–100)
  std::string reason;
  std::optional<TransferId> reverses;  // kReverse: the transfer undone
  std::string idempotency_key;
};

struct Transfer {
  TransferId id;
  FundId fund;
  int64_t seq = 0;
  Op op = Op::kArrive;
  Account from, to;
  Fen amount;
  CivilDate value_date;
  std::string document, purpose, reason, idempotency_key;
  int uplink_pct = 0;
  std::optional<TransferId> reverses;
  std::string prev_tag, tag;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
  bool repeated = false;  // true when the key had been used: this is the first result
};

struct Balance {
  Account account;
  Fen balance;
};

// A documented adjustment of one category's planned amount (调整资金计划, 004: category totals
// stay within the plan unless the plan is adjusted by a document). Kept as history; the plan
// row holds the latest figure.
struct PlanChange {
  int64_t id = 0;
  std::string code;  // the category
  Fen planned;       // the new planned amount
  Fen before;        // the planned amount it replaced (filled by the ledger)
  std::string document, reason;
  std::optional<int64_t> changed_by;
  int64_t changed_at = 0;
};

// Forbidden uses of the funds (004): a commitment with one of these purposes is refused.
struct Purpose {
  const char* code;
  const char* label;
  bool forbidden;
};
const std::vector<Purpose>& Purposes();

}  // namespace ruralec::funds
