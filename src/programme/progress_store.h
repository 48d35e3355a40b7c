// Manual progress notes on tasks (schema/migrations/0005_programme_progress.sql) and the
// stored programme text the progress is computed against. SQL stays here.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "programme/progress.h"
#include "storage/db.h"

namespace ruralec::programme {

struct StoredProgramme {
  int64_t id = 0;
  std::string key;
  int version = 0;
  std::string region_code;
  std::string source_file;
  std::string source_text;  // the YAML as loaded; re-read and re-checked to evaluate it
};

// kNotFound when there is no programme with this id.
Result<StoredProgramme> GetStoredProgramme(storage::Connection& conn, int64_t id);

struct TaskNote {
  int64_t id = 0;
  int64_t programme_id = 0;
  int task_number = 0;
  std::string text;
  std::string status;  // "" | in_progress | done
  int64_t author_id = 0;
  std::string author_name;
  int64_t created_at = 0;  // UTC ms
  // The region the note reports for: the programme's region (county staff; "" on insert means
  // it), or one town of a town-led task (docs/PROGRESS.md "Town reports").
  std::string region_code;
  bool for_town = false;  // set by ListTaskNotes: region_code is not the programme's region
};

// Validates (non-empty text ≤ 2000 chars, known status) and inserts; returns the note with its
// id. The caller runs it inside its write transaction (with the audit entry).
Result<TaskNote> AddTaskNote(storage::Connection& conn, const std::string& county_code,
                             TaskNote note);
Result<std::vector<TaskNote>> ListTaskNotes(storage::Connection& conn, int64_t programme_id);
// Status per task number from the notes, in insertion order (the latest status note wins). Only
// the programme-level notes set a task's status and last note; town notes count in
// `towns_reported` (the distinct towns that reported on the task).
std::map<int, TaskState> TaskStates(const std::vector<TaskNote>& notes);
// A status after one more note: a first note starts the work, a status note sets it.
void ApplyNoteStatus(std::string& status, const std::string& note_status);

}  // namespace ruralec::programme
