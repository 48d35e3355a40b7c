// Pending and approved local-setting changes (schema/migrations/0014_programme_local_changes.sql)
// and the local version a stored programme version carries. SQL on programme_local_changes stays
// here; the rules (who may approve, what a change makes) are in api/local_handlers.cc and
// local_settings.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "programme/programme.h"
#include "storage/db.h"

namespace ruralec::programme {

struct LocalChange {
  int64_t id = 0;
  std::string programme_key;
  int64_t base_programme_id = 0;
  std::string county_code;
  std::string status;  // pending | approved | superseded
  std::string values_json;
  std::string new_text;
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t created_at = 0;
  std::optional<int64_t> approved_by;
  std::string approved_by_name;
  std::optional<int64_t> approved_at;
  std::optional<int64_t> result_programme_id;
};

// Inserts a pending change and marks earlier pending changes of the same key superseded (their
// ids in `superseded`). Run inside the caller's write transaction.
Result<LocalChange> InsertLocalChange(storage::Connection& conn, LocalChange c,
                                      std::vector<int64_t>* superseded = nullptr);
// kNotFound when none.
Result<LocalChange> GetLocalChange(storage::Connection& conn, int64_t id);
// Changes of a programme key, newest first, at most `limit`.
Result<std::vector<LocalChange>> ListLocalChanges(storage::Connection& conn,
                                                  const std::string& programme_key, int limit);
// pending → approved with the approver and the version it made; kConflict when no longer
// pending (a concurrent approval).
Status MarkLocalChangeApproved(storage::Connection& conn, int64_t id, int64_t approver_id,
                               const std::string& approver_name, int64_t now_ms,
                               int64_t result_programme_id);

// Which local settings a programme version carries: shown by progress, the report and award
// evaluation ("local_version" in their JSON).
struct LocalVersion {
  int64_t programme_id = 0;
  int version = 0;
  std::optional<int64_t> change_id;  // the approved console change that made this version
  std::string approved_by_name;
  std::optional<int64_t> approved_at;
  std::vector<std::string> rules;       // award rules with a `local:` block
  std::vector<std::string> stages;      // workflow stages with a `local:` block
  std::vector<std::string> references;  // their local documents (文号), distinct, file order
};
Result<LocalVersion> LocalVersionOf(storage::Connection& conn, int64_t programme_id, int version,
                                    const Programme& p);
// "第2版（地方设定变更 #3：R02，埇商〔2020〕1号）", or "第1版（无地方设定）".
std::string LocalVersionLabel(const LocalVersion& v);

}  // namespace ruralec::programme
