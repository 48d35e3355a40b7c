// Storage of checked programmes (schema/migrations/0002_programme.sql, 0011). SQL stays here.
// The verbatim text is the one stored form of the content (reads parse it once per version:
// evaluate.h LoadProgramme); the row adds the header fields and the target/task counts.
// Versioning: a programme is keyed by its file `id`; loading the same content again changes
// nothing and returns the existing version; a changed file becomes version N+1. Earlier
// versions stay, so progress reports can say which version of the plan they measured against.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "programme/programme.h"
#include "storage/db.h"

namespace ruralec::programme {

struct StoredVersion {
  int64_t programme_id = 0;
  std::string key;
  int version = 0;
  bool created = false;  // false: this exact content was already loaded
};

// `p` must be checked (Check() without issues), so regions are resolved and values normalized.
// Runs its own write transaction.
Result<StoredVersion> StoreProgramme(storage::Connection& conn, const Programme& p,
                                     const std::string& text, const std::string& source_file,
                                     int64_t now_ms);

struct ProgrammeRow {
  int64_t id = 0;
  std::string key;
  int version = 0;
  std::string name;
  std::string document_number;
  std::string region_code;
  int64_t targets = 0;
  int64_t tasks = 0;
};

// Latest version of each programme whose region is inside `scope` (12-digit code prefix).
Result<std::vector<ProgrammeRow>> ListProgrammes(storage::Connection& conn,
                                                 const std::string& scope_prefix);

// One stored programme version by id (targets and tasks not counted); kNotFound when none.
Result<ProgrammeRow> GetProgrammeRow(storage::Connection& conn, int64_t id);
// Every stored version of programme `key`, newest first. `source_file` says where the text
// came from: a file path (CLI), "upload", "editor:<username>" (the console's form),
// "local-change:<id>" (approved local settings).
struct VersionRow {
  int64_t id = 0;
  int version = 0;
  std::string name;
  std::string document_number;
  std::string source_file;
  std::string content_sha256;
  int64_t loaded_at = 0;  // UTC ms
  int64_t targets = 0;
  int64_t tasks = 0;
};
Result<std::vector<VersionRow>> ListVersions(storage::Connection& conn, const std::string& key);

// The id of the latest stored version of programme `key`; kNotFound when none.
Result<int64_t> LatestVersionId(storage::Connection& conn, const std::string& key);

}  // namespace ruralec::programme
