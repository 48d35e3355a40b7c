// Attachments of task progress notes (docs/PROGRESS.md "Attachments"): the type whitelist
// decided by content sniffing, filename sanitising, the size limit, and storage
// (schema/migrations/0007_task_attachments.sql; SQL stays in attachments.cc).
//
// Contract:
//  - Accepted: pdf, jpg/jpeg, png, docx, xlsx, txt. The type comes from the bytes (magic
//    numbers; for docx/xlsx the zip's central directory must name word/document.xml or
//    xl/workbook.xml; txt must be valid UTF-8 without NUL or other control bytes except tab,
//    CR, LF, form feed) and the filename's extension must name the same type. Errors are
//    kInvalidArgument with field "file" and a Chinese reason.
//  - At most kMaxAttachmentBytes per file, kMaxAttachmentsPerNote per note (kConflict).
//  - The stored name keeps no directory part, no control or <>:"/\|?* characters, no leading
//    dots or spaces, at most 120 bytes (cut on a UTF-8 boundary, extension kept).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::programme {

inline constexpr size_t kMaxAttachmentBytes = size_t{5} * 1024 * 1024;  // 5 MiB
inline constexpr int kMaxAttachmentsPerNote = 10;
inline constexpr size_t kMaxFilenameBytes = 120;

// MIME type of the sniffed content, or "" when it is none of the accepted types.
std::string SniffType(std::string_view bytes);
// The file name a user gave, made safe to store and to send back in Content-Disposition.
std::string SanitizeFilename(std::string_view name);
// Sniffs, checks the extension agrees and the size; returns {sanitised name, MIME type}.
struct CheckedFile {
  std::string filename;
  std::string content_type;
};
Result<CheckedFile> CheckAttachment(std::string_view filename, std::string_view bytes);

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

// Checks the file (CheckAttachment) and the per-note count, then inserts. The caller runs it
// in its write transaction with the audit entry. `a` carries note/programme/task/author/time.
Result<Attachment> AddAttachment(storage::Connection& conn, const std::string& county_code,
                                 Attachment a, std::string_view filename, std::string_view bytes);
// Without content, ordered by id.
Result<std::vector<Attachment>> ListAttachments(storage::Connection& conn, int64_t programme_id);
// kNotFound unless the attachment belongs to `programme_id`. Returns metadata and the bytes.
Result<std::pair<Attachment, std::string>> GetAttachment(storage::Connection& conn,
                                                         int64_t programme_id,
                                                         int64_t attachment_id);

}  // namespace ruralec::programme
