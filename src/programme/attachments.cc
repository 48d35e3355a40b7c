#include "programme/attachments.h"

#include <map>

#include "attachments/attachments.h"
#include "programme/progress_store.h"

namespace ruralec::programme {
namespace {

constexpr const char* kModule = "programme";
constexpr const char* kKind = "task_note";

Attachment FromFile(const attachments::File& f, const TaskNote& note) {
  return {f.id,           note.id, note.programme_id, note.task_number,          f.filename,
          f.content_type, f.size,  f.sha256,          f.uploaded_by.value_or(0), f.uploaded_name,
          f.created_at};
}

// The programme's notes by id (the owners of its attachments).
Result<std::map<int64_t, TaskNote>> NotesById(storage::Connection& conn, int64_t programme_id) {
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(conn, programme_id));
  std::map<int64_t, TaskNote> out;
  for (auto& n : notes) out.emplace(n.id, std::move(n));
  return out;
}

}  // namespace

Result<Attachment> AddAttachment(storage::Connection& conn, const std::string& county_code,
                                 Attachment a, std::string_view filename, std::string_view bytes) {
  ASSIGN_OR_RETURN(attachments::CheckedFile f, attachments::CheckAttachment(filename, bytes));
  attachments::Owner owner{kModule, kKind, a.note_id};
  ASSIGN_OR_RETURN(int64_t count, attachments::Count(conn, owner));
  if (count >= kMaxAttachmentsPerNote) {
    return Error::Conflict("每条进展记录最多 " + std::to_string(kMaxAttachmentsPerNote) + " 个附件",
                           "file");
  }
  ASSIGN_OR_RETURN(
      attachments::File saved,
      attachments::Store(conn, {owner, county_code, "", a.author_id, a.author_name, a.created_at},
                         f, bytes));
  a.id = saved.id;
  a.filename = saved.filename;
  a.content_type = saved.content_type;
  a.size = saved.size;
  a.sha256 = saved.sha256;
  return a;
}

Result<std::vector<Attachment>> ListAttachments(storage::Connection& conn, int64_t programme_id) {
  ASSIGN_OR_RETURN(auto notes, NotesById(conn, programme_id));
  std::vector<int64_t> ids;
  for (const auto& [id, note] : notes) ids.push_back(id);
  ASSIGN_OR_RETURN(auto files, attachments::ListOf(conn, kModule, kKind, ids));
  std::vector<Attachment> out;
  out.reserve(files.size());
  for (const auto& f : files) out.push_back(FromFile(f, notes.at(f.owner.id)));
  return out;
}

Result<std::pair<Attachment, std::string>> GetAttachment(storage::Connection& conn,
                                                         int64_t programme_id,
                                                         int64_t attachment_id) {
  ASSIGN_OR_RETURN(auto found, attachments::ReadOf(conn, kModule, kKind, attachment_id));
  if (found) {
    // The file names its note; the note must be one of this programme's.
    ASSIGN_OR_RETURN(auto notes, NotesById(conn, programme_id));
    auto note = notes.find(found->first.owner.id);
    if (note != notes.end())
      return std::make_pair(FromFile(found->first, note->second), std::move(found->second));
  }
  return Error::NotFound("附件不存在: " + std::to_string(attachment_id));
}

}  // namespace ruralec::programme
