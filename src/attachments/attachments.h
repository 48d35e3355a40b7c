// Shared attachments (附件): the files that records of any module carry — task-note evidence,
// designation archives, listing photos, agreement documents, report evidence, station photos,
// training evidence — checked once and stored in one table (schema/migrations/0030).
//
// Contract:
//  - A file belongs to one owner {module, kind, id} (e.g. {"station", "station", 12}) and has a
//    slot (a category the owner names: "photo_outside", "agreement", "" when it has none). The
//    owner decides who may add, list and read; this module checks nothing about the caller.
//  - Accepted: pdf, jpg/jpeg, png, docx, xlsx, txt. The type comes from the bytes (magic
//    numbers; for docx/xlsx the zip's central directory must name [Content_Types].xml and
//    word/document.xml or xl/workbook.xml; txt must be valid UTF-8 without NUL or other control
//    bytes except tab, CR, LF, form feed) and the filename's extension must name the same type.
//    A caller narrows the types and the size per slot (`Limits`, e.g. images only for photos).
//    Refusals are kInvalidArgument with field "file" and a Chinese reason.
//  - The stored name keeps no directory part, no control or <>:"/\|?* characters, no bidi or
//    C1 controls, no leading dots or spaces, at most 120 bytes (cut on a UTF-8 boundary,
//    extension kept). content_type is the sniffed type, never the client's claim; size and
//    sha256 are of the bytes. The bytes are stored as base64 text so a backup carries them.
//  - Add/Store run in the caller's write transaction; the caller writes the audit entry.
//  - Files are never changed; none is deleted by this module (the owners keep their evidence).
//  - Only this module runs SQL on `attachments` (tests/layout).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::attachments {

inline constexpr size_t kMaxBytes = size_t{5} * 1024 * 1024;  // 5 MiB
inline constexpr size_t kMaxFilenameBytes = 120;

inline constexpr const char* kPdf = "application/pdf";
inline constexpr const char* kJpeg = "image/jpeg";
inline constexpr const char* kPng = "image/png";
inline constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr const char* kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kText = "text/plain; charset=utf-8";

// What a slot accepts. `types` empty: every accepted type; else only these MIME types, refused
// with "<label>" naming them ("照片应为 jpg 或 png 图片").
struct Limits {
  std::vector<std::string> types;
  std::string types_message;  // the refusal when the type is not in `types`
  size_t max_bytes = kMaxBytes;
};
// jpg or png only.
Limits ImagesOnly(std::string message = "照片应为 jpg 或 png 图片");

// MIME type of the sniffed content, or "" when it is none of the accepted types.
std::string SniffType(std::string_view bytes);
// The file name a user gave, made safe to store and to send back in Content-Disposition.
std::string SanitizeFilename(std::string_view name);

struct CheckedFile {
  std::string filename;
  std::string content_type;
};
// Sniffs, checks the extension agrees, the slot's types and the size; returns the sanitised
// name and the sniffed type.
Result<CheckedFile> CheckAttachment(std::string_view filename, std::string_view bytes,
                                    const Limits& limits = {});

struct Owner {
  std::string module, kind;
  int64_t id = 0;
};

struct File {
  int64_t id = 0;
  Owner owner;
  std::string county_code, slot, filename, content_type, sha256;
  int64_t size = 0;
  std::optional<int64_t> uploaded_by;
  std::string uploaded_name;
  int64_t created_at = 0;  // UTC ms
};

// Who stores what where; the rest of a File comes from the bytes.
struct Upload {
  Owner owner;
  std::string county_code, slot;
  std::optional<int64_t> uploaded_by;
  std::string uploaded_name;
  int64_t created_at = 0;
};

// Checks (CheckAttachment with `limits`) and inserts.
Result<File> Add(storage::Connection& conn, const Upload& up, std::string_view filename,
                 std::string_view bytes, const Limits& limits = {});
// Inserts a file already checked by CheckAttachment (a caller that checks before its
// transaction).
Result<File> Store(storage::Connection& conn, const Upload& up, const CheckedFile& checked,
                   std::string_view bytes);

// An owner's files without content, ordered by id; `slot` nullopt: every slot.
Result<std::vector<File>> List(storage::Connection& conn, const Owner& owner,
                               std::optional<std::string> slot = std::nullopt);
// The files of many owners of one module and kind, ordered by id (one statement per 500 ids).
Result<std::vector<File>> ListOf(storage::Connection& conn, const std::string& module,
                                 const std::string& kind, const std::vector<int64_t>& ids);
// Files per owner id (owners without files absent), for list pages.
Result<std::map<int64_t, int64_t>> Counts(storage::Connection& conn, const std::string& module,
                                          const std::string& kind, const std::vector<int64_t>& ids);
Result<int64_t> Count(storage::Connection& conn, const Owner& owner);
// One file with its bytes; nullopt unless file `file_id` belongs to `owner` (the caller words
// the not-found).
Result<std::optional<std::pair<File, std::string>>> Read(storage::Connection& conn,
                                                         const Owner& owner, int64_t file_id);
// One file of any owner of `module`/`kind`, for an owner that checks the owner id itself
// (a programme's files belong to its notes).
Result<std::optional<std::pair<File, std::string>>> ReadOf(storage::Connection& conn,
                                                           const std::string& module,
                                                           const std::string& kind,
                                                           int64_t file_id);

}  // namespace ruralec::attachments
