// The designation module's only SQL, on its own tables (designations,
// designation_status_changes; evidence files through the attachments module). No rules here:
// service.cc, indicators.cc and the reads for other modules have validated the input and checked
// permission and scope. Every function runs in the caller's connection and transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "designation/designation.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::designation::store {

using Stamp = storage::Stamp;

// A normalized input with its resolved subject.
struct NewRow {
  DesignationInput in;
  SubjectType subject_type = SubjectType::kRegion;
  std::string subject_key, subject_name;
  std::optional<int64_t> batch_id;  // the import batch, none when entered in the console
};

Result<int64_t> Insert(storage::Connection& conn, const NewRow& r, const NewStatus& initial,
                       Stamp stamp);
// Writes year, issuing body, document number and note when they differ; returns the names of
// the changed fields (empty: nothing).
Result<std::vector<std::string>> Update(storage::Connection& conn, const Designation& cur,
                                        const DesignationInput& in, Stamp stamp);
// Appends a history row and sets the current status (and, for recognised, the document,
// body and date).
Status AddChange(storage::Connection& conn, const Designation& d, const NewStatus& c, Stamp stamp);

Result<Designation> Get(storage::Connection& conn, int64_t id);
// The designation of (level, kind, subject, year), if any, with the import batch that wrote it.
struct Existing {
  int64_t id = 0;
  std::optional<int64_t> batch_id;
};
Result<std::optional<Existing>> Find(storage::Connection& conn, Level level, Kind kind,
                                     const std::string& subject_key, int year);
Result<Page<Designation>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
Result<std::vector<StatusChange>> Changes(storage::Connection& conn, int64_t id);

// Every designation of the subtree (optionally only one kind) with its status history, for the
// indicator and the award subjects.
struct Timeline {
  Designation d;
  std::vector<std::pair<CivilDate, State>> changes;  // by date, then recording order
};
Result<std::vector<Timeline>> Timelines(storage::Connection& conn, const RegionCode& scope,
                                        std::optional<Kind> kind = std::nullopt);

Result<int64_t> AddFile(storage::Connection& conn, const Designation& d, const File& f,
                        const std::string& bytes, std::optional<int64_t> by);
Result<std::vector<File>> Files(storage::Connection& conn, int64_t id);
Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn, int64_t id,
                                              int64_t file_id);

}  // namespace ruralec::designation::store
