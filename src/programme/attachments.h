// Attachments of task progress notes (docs/PROGRESS.md "Attachments"), kept by the attachments
// module (attachments/attachments.h: the checks and the table) as owner {"programme",
// "task_note", note id}.
//
// Contract:
//  - The file rules are the attachments module's (type sniffed from the bytes and agreeing with
//    the extension, at most 5 MiB, the name sanitised); refusals are kInvalidArgument, field
//    "file". At most kMaxAttachmentsPerNote per note (kConflict).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::programme {

inline constexpr int kMaxAttachmentsPerNote = 10;

struct Attachment {
  int64_t id = 0;
  int64_t note_id = 0;
  int64_t programme_id = 0;
  int task_number = 0;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  int64_t author_id = 0;
  std::string author_name;
  int64_t created_at = 0;  // UTC ms
};

// Checks the file and the per-note count, then inserts. The caller runs it in its write
// transaction with the audit entry. `a` carries note/programme/task/author/time.
Result<Attachment> AddAttachment(storage::Connection& conn, const std::string& county_code,
                                 Attachment a, std::string_view filename, std::string_view bytes);
// Without content, ordered by id.
Result<std::vector<Attachment>> ListAttachments(storage::Connection& conn, int64_t programme_id);
// kNotFound unless the attachment belongs to a note of `programme_id`. Returns metadata and
// the bytes.
Result<std::pair<Attachment, std::string>> GetAttachment(storage::Connection& conn,
                                                         int64_t programme_id,
                                                         int64_t attachment_id);

}  // namespace ruralec::programme
