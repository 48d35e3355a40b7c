#include "programme/progress_store.h"

#include <set>

namespace ruralec::programme {

Result<StoredProgramme> GetStoredProgramme(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional("SELECT id, programme_key, version, region_code, source_file, "
                                   "source_text FROM programmes WHERE id = ?",
                                   {id}));
  if (!row) return Error::NotFound("方案不存在: " + std::to_string(id));
  return StoredProgramme{row->Int(0),  row->Text(1), static_cast<int>(row->Int(2)),
                         row->Text(3), row->Text(4), row->Text(5)};
}

Result<TaskNote> AddTaskNote(storage::Connection& conn, const std::string& county_code,
                             TaskNote note) {
  if (note.text.empty()) return Error::Invalid("text", "进展说明不能为空");
  if (note.text.size() > 2000) return Error::Invalid("text", "进展说明过长（最多2000字节）");
  if (note.status != "" && note.status != "in_progress" && note.status != "done") {
    return Error::Invalid("status", "状态应为 in_progress 或 done");
  }
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("INSERT INTO programme_task_notes (programme_id, county_code, task_number, text, "
                 "status, author_id, author_name, created_at, region_code) VALUES "
                 "(?,?,?,?,?,?,?,?,?) RETURNING id",
                 {note.programme_id, county_code, int64_t{note.task_number}, note.text, note.status,
                  note.author_id, note.author_name, note.created_at,
                  note.region_code.empty() ? county_code : note.region_code}));
  if (rows.empty()) return Error::Internal("insert returned no id");
  note.id = rows[0].Int(0);
  if (note.region_code.empty()) note.region_code = county_code;
  note.for_town = note.region_code != county_code;
  return note;
}

Result<std::vector<TaskNote>> ListTaskNotes(storage::Connection& conn, int64_t programme_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT id, programme_id, task_number, text, status, author_id, "
                              "author_name, created_at, region_code, county_code FROM "
                              "programme_task_notes WHERE programme_id = ? ORDER BY id",
                              {programme_id}));
  std::vector<TaskNote> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.Int(5),
                   r.Text(6), r.Int(7), r.Text(8), r.Text(8) != r.Text(9)});
  }
  return out;
}

void ApplyNoteStatus(std::string& status, const std::string& note_status) {
  if (status == "not_started") status = "in_progress";
  if (!note_status.empty()) status = note_status;
}

std::map<int, TaskState> TaskStates(const std::vector<TaskNote>& notes) {
  std::map<int, TaskState> out;
  std::map<int, std::set<std::string>> towns;
  for (const auto& n : notes) {
    TaskState& s = out[n.task_number];
    if (n.for_town) {
      towns[n.task_number].insert(n.region_code);
      s.towns_reported = static_cast<int>(towns[n.task_number].size());
      continue;
    }
    ApplyNoteStatus(s.status, n.status);
    ++s.notes;
    s.last_note = n.text;
  }
  return out;
}

}  // namespace ruralec::programme
