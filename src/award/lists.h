// Award lists (奖补清单): versions of the evaluated awards of one programme, scope and period,
// with maker-checker approval (schema/migrations/0008_awards.sql). SQL stays here and names
// only award_* tables; users, programmes and entities are read through their modules.
// Contract:
//  - draft → proposed → approved; an approved list is frozen. Approving version N marks the
//    previously approved version of the same programme, scope and period 'superseded'. Nothing
//    is edited in place: lines are written once, with the draft.
//  - Approve(): the approver must differ from the list's creator and proposer, and must hold a
//    role with `award:approve` and be active *now*, read from the database in the approval's
//    transaction (account::HoldsPermissionNow; a session's permissions may be stale). Approving an
//    approved list again is a no-op that returns it (idempotent). Payable items are written in the
//    same transaction.
//  - Every change writes an audit entry in its transaction; a refused approval is audited
//    (outcome denied) on its own.
//  - Callers check the route permission and region scope before calling.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "award/award.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/db.h"

namespace ruralec::award {

struct ListInfo {
  int64_t id = 0;
  std::string county_code, scope_code;
  int64_t programme_id = 0;
  std::string programme_key, period;
  int version = 0;
  std::string status;  // draft | proposed | approved | superseded
  // Of the whole list, or of the caller's part (Get(id, view), Versions): see totals_scope_code.
  int64_t line_count = 0, payable_count = 0, total_fen = 0;
  std::string totals_scope_code;  // the region the totals and rule figures cover
  std::string content_sha256;
  std::vector<RuleOutcome> rules;
  int64_t created_by = 0, created_at = 0;
  std::optional<int64_t> proposed_by, proposed_at, approved_by, approved_at;
  std::optional<int64_t> superseded_by, superseded_at;
  // Display names of created_by, proposed_by, approved_by (account::UserLabels); "" if unknown.
  std::string created_by_name, proposed_by_name, approved_by_name;
  bool already = false;  // Approve(): the list was approved before this call
};

// A line as stored, its explanation decoded into line.explanation by the store.
struct StoredLine {
  int64_t id = 0;
  int line_no = 0;
  Line line;
};

struct NewList {
  int64_t programme_id = 0;
  std::string programme_key;
  RegionCode scope;
  const Evaluation* evaluation = nullptr;
};

class Lists {
 public:
  Lists(storage::Database& db, const audit::AuditLog& audit, const Clock& clock)
      : db_(db), audit_(audit), clock_(clock) {}

  // Stores an evaluation as the next draft version.
  Result<ListInfo> CreateDraft(const account::Principal& who, const NewList& n);
  Result<ListInfo> Propose(const account::Principal& who, int64_t list_id);
  Result<ListInfo> Approve(const account::Principal& who, int64_t list_id);

  Result<ListInfo> Get(int64_t list_id);
  // The list as seen from `view` (the caller's region): when its scope is wider than `view`,
  // the totals and rule figures are those of the lines inside `view` (totals_scope_code).
  Result<ListInfo> Get(int64_t list_id, const RegionCode& view);
  // Versions of a programme's lists visible from `scope`: scope_code inside it, or one of its
  // ancestors (a city list seen from a county, with totals of `scope`'s lines); newest period
  // and version first.
  Result<Page<ListInfo>> Versions(const RegionCode& scope, int64_t programme_id,
                                  const std::string& period, const PageRequest& page);
  // Lines of a list whose region is inside `scope`, in line order.
  Result<Page<StoredLine>> Lines(int64_t list_id, const RegionCode& scope, const PageRequest& page);
  Result<std::vector<StoredLine>> AllLines(int64_t list_id);
  // AllLines() whose region is inside `view`.
  Result<std::vector<StoredLine>> AllLines(int64_t list_id, const RegionCode& view);
  // The approved list of (programme_key, scope, period), if any.
  Result<std::optional<ListInfo>> LastApproved(const std::string& programme_key,
                                               const RegionCode& scope, const std::string& period);

 private:
  Status Audit(storage::Connection& conn, const account::Principal& who, const char* action,
               int64_t id, audit::Outcome outcome, const std::string& detail) const;
  storage::Database& db_;
  const audit::AuditLog& audit_;
  const Clock& clock_;
};

// For Evaluate(): approved lines with an amount of the programme, any period, in `scope`.
Result<std::vector<PriorAward>> LoadPriorAwards(storage::Connection& conn,
                                                const std::string& programme_key,
                                                const RegionCode& scope);

}  // namespace ruralec::award
