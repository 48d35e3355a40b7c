// The issue list (问题清单, issue 21 item 9; docs/PROJECTS.md "Issue list"): findings of
// inspections, audits, evaluations and acceptances, per project or for a region's programme,
// each with the unit that owns its rectification, a deadline and a status.
//
// Contract:
//  - A finding belongs to a project (its region then) or to a region of county level or below
//    (a finding on the programme there). Recording one needs projects:review and the region in
//    the caller's scope; reading needs projects:read and the region visible (else not found).
//  - Status: open (待整改) → submitted (整改待核实; the rectification is described, by either
//    side: projects:edit or projects:review) → closed (已销号, projects:review), or submitted →
//    open again (核实未通过, projects:review, with the reason). An open finding may be closed
//    directly by a reviewer with a note (e.g. withdrawn). Moves not in FindingMoves() are
//    refused naming the statuses.
//  - Each move is a command with an idempotency key: the same key and command returns the first
//    move (repeated) and changes nothing; another command under it is kConflict. The move's date
//    is not before the finding's last move and not after today. Moves and creation are audited
//    in the same transaction ("projects.finding", "projects.finding_move").
//  - Extension (延期): a reviewer moves an open finding to open with a new due date (due_on,
//    later than the current one and not before the move's date) and the reason; the move keeps
//    the deadline before and after, and the finding's deadline changes. due_on is refused on
//    every other move.
//  - Evidence (整改佐证): files uploaded to the finding (attachments, owner {projects, finding,
//    id}, slot evidence; FindingFileAccess) are named by a move (up to 20 ids; each a file of
//    this finding, else kInvalidArgument "evidence"). Uploading needs projects:edit or
//    projects:review and the finding visible and not closed.
//  - A finding is overdue when it is not closed and today (Asia/Shanghai) is after its due date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "projects/projects.h"

namespace ruralec::projects {

enum class FindingStatus { kOpen, kSubmitted, kClosed };
const char* FindingStatusName(FindingStatus s);   // "open" | "submitted" | "closed"
const char* FindingStatusLabel(FindingStatus s);  // "待整改" | "整改待核实" | "已销号"
Result<FindingStatus> ParseFindingStatus(std::string_view s);

// Where a finding comes from (dictionary finding_sources).
struct FindingSource {
  const char* code;
  const char* label;
};
const std::vector<FindingSource>& FindingSources();  // inspection, audit, evaluation, …

// A reviewer (projects:review) may take every move; edit_allowed ones also the rectifying side
// (projects:edit).
struct FindingMoveRule {
  FindingStatus from, to;
  bool edit_allowed;
  bool note_required;
  const char* label;  // "提交整改情况"
};
const std::vector<FindingMoveRule>& FindingMoves();
const FindingMoveRule* FindFindingMove(FindingStatus from, FindingStatus to);

struct Finding {
  int64_t id = 0;
  std::string county_code;
  RegionCode region;
  std::string region_name;
  std::optional<int64_t> project_id;
  std::string project_name;
  std::string source;
  CivilDate found_on;
  std::string title, detail, requirement, owner_unit;
  CivilDate due_on;
  FindingStatus status = FindingStatus::kOpen;
  CivilDate status_on;
  bool overdue = false;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
};

struct FindingInput {
  RegionCode region;  // ignored when project_id is given
  std::optional<int64_t> project_id;
  std::string source;
  std::optional<CivilDate> found_on;  // default today
  std::string title, detail, requirement, owner_unit;
  std::optional<CivilDate> due_on;
};

struct FindingMove {
  int64_t id = 0, finding_id = 0;
  int seq = 0;
  FindingStatus from = FindingStatus::kOpen, to = FindingStatus::kOpen;
  CivilDate on;
  std::string idempotency_key, note;
  std::optional<CivilDate> due_on, previous_due_on;  // an extension's deadline after / before
  std::vector<int64_t> evidence;                     // file ids of the finding
  std::optional<int64_t> actor_id;
  std::string actor_name;
  int64_t created_at = 0;
  bool repeated = false;
};

struct FindingCommand {
  FindingStatus to = FindingStatus::kOpen;
  std::string idempotency_key;
  std::optional<CivilDate> on;  // default today
  std::string note;
  std::optional<CivilDate> due_on;  // the new deadline of an extension (open → open)
  std::vector<int64_t> evidence;    // files of this finding
};

struct FindingDetail {
  Finding finding;
  std::vector<FindingMove> moves;
  std::vector<FindingStatus> next;  // the statuses the caller may move it to
};

struct FindingFilter {
  RegionCode region;  // default: the caller's
  std::optional<FindingStatus> status;
  std::string source, q;
  std::optional<int64_t> project_id;
  bool overdue_only = false;
};

Result<FindingDetail> CreateFinding(const Deps& d, const account::Principal& who,
                                    const FindingInput& in);
Result<FindingDetail> GetFinding(const Deps& d, const account::Principal& who, int64_t id);
// Open and submitted first, by due date; closed last.
Result<Page<Finding>> ListFindings(const Deps& d, const account::Principal& who, FindingFilter f,
                                   const PageRequest& page);
Result<std::pair<FindingMove, FindingDetail>> MoveFinding(const Deps& d,
                                                          const account::Principal& who, int64_t id,
                                                          const FindingCommand& c);

// The finding's files access rule for attachments::api (the county when allowed).
Result<std::string> FindingFileAccess(storage::Connection& conn, const account::Principal& who,
                                      int64_t id, bool write);

// Pure rule of a move (table-tested): the rule, the caller's permission, the note and the date.
Status CheckFindingMove(const Finding& f, const account::Principal& who, const FindingCommand& c,
                        CivilDate last_move_on, CivilDate today);

}  // namespace ruralec::projects
