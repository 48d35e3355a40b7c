// The issue list's SQL, on the projects module's own tables (project_findings,
// project_finding_moves). Writes run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "projects/findings.h"

namespace ruralec::projects::store {

Result<int64_t> InsertFinding(storage::Connection& conn, const Finding& f, int64_t now_ms);
Result<std::optional<Finding>> GetFinding(storage::Connection& conn, int64_t id);
// Findings in f.region's subtree; `today` decides overdue_only and each row's overdue flag.
Result<Page<Finding>> ListFindings(storage::Connection& conn, const FindingFilter& f,
                                   CivilDate today, const PageRequest& page);
Status SetFindingDue(storage::Connection& conn, int64_t id, CivilDate due_on);
Status SetFindingStatus(storage::Connection& conn, int64_t id, FindingStatus s, CivilDate on,
                        int64_t now_ms);

Result<std::optional<FindingMove>> FindFindingMove(storage::Connection& conn, int64_t finding_id,
                                                   const std::string& key,
                                                   std::string* fingerprint);
Result<int64_t> InsertFindingMove(storage::Connection& conn, const FindingMove& m,
                                  const std::string& fingerprint);
Result<std::vector<FindingMove>> FindingMoves(storage::Connection& conn, int64_t finding_id);

}  // namespace ruralec::projects::store
