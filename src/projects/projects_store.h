// The projects module's only SQL, on its own tables (projects, project_transitions,
// project_deadlines, project_material_sets; findings in findings_store.h). Writes run inside the
// caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "projects/materials.h"
#include "projects/projects.h"

namespace ruralec::projects::store {

Result<int64_t> Insert(storage::Connection& conn, const Project& p, std::optional<int64_t> by,
                       int64_t now_ms);
Result<std::optional<Project>> Get(storage::Connection& conn, int64_t id);
Result<Page<Project>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
Status SetFundKey(storage::Connection& conn, int64_t id, const std::string& key);
Status SetStatus(storage::Connection& conn, const Project& p, int64_t now_ms);

Result<std::optional<Transition>> FindByKey(storage::Connection& conn, int64_t project_id,
                                            const std::string& key, std::string* fingerprint);
Result<int64_t> InsertTransition(storage::Connection& conn, const Transition& t,
                                 const std::string& fingerprint);
Result<std::vector<Transition>> Timeline(storage::Connection& conn, int64_t project_id);

Result<std::vector<Deadline>> Deadlines(storage::Connection& conn, int64_t project_id);
Result<int64_t> InsertDeadline(storage::Connection& conn, const Deadline& d);
// Writes pauses, due_on, provisional, calendar_version and closed_on.
Status UpdateDeadline(storage::Connection& conn, const Deadline& d);
// Open deadlines of projects in `f.region`'s subtree, with the project's fields filled.
Result<std::vector<Deadline>> OpenDeadlines(storage::Connection& conn, const InboxFilter& f);

// The material sets of (county, programme, type), newest first (programme none: the county's
// own); the first is in force. Sources "county" / "programme"; names of setters not filled.
Result<std::vector<MaterialSet>> MaterialSetsOf(storage::Connection& conn,
                                                const std::string& county,
                                                std::optional<int64_t> programme_id,
                                                const std::string& type);
Result<int64_t> InsertMaterialSet(storage::Connection& conn, const MaterialSet& s,
                                  std::optional<int64_t> by, int64_t now_ms);

}  // namespace ruralec::projects::store
