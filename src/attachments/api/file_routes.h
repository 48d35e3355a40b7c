// HTTP routes of a record's files through the attachments module, written once for every
// owner that serves them the same way (stations, training sessions):
//   POST {base}/{id}/files            multipart: part "file", field "slot" (one of `slots`)
//   GET  {base}/{id}/files[?slot=]    {items, total, page, page_size}, without content
//   GET  {base}/{id}/files/{file_id}  the bytes (content type sniffed at upload, RFC 6266 name)
// The owner decides access: `access(conn, who, id, write)` returns the county the owner's files
// are filed under when the caller may read (write false) or add (write true), else its error
// (kNotFound to hide the record, kForbidden). Uploads are audited "<audit_prefix>.add" and
// downloads "<audit_prefix>.download" on object {audit_type, id}, detail "file=… slot=…
// sha256=…"; the upload's entry is in the same transaction as the file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "account/account.h"
#include "attachments/attachments.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::attachments::api {

struct Slot {
  std::string name;   // "photo_outside"
  std::string label;  // "门头照片（外景）"
  Limits limits;
  int max_files = 10;  // per owner and slot (kConflict field "file")
};

using Access = std::function<Result<std::string>(storage::Connection&, const account::Principal&,
                                                 int64_t id, bool write)>;

struct FileRoutes {
  std::string base;  // "/stations"
  std::string module, kind;
  std::string read_permission, write_permission;  // route permissions ("" = any signed-in)
  std::vector<Slot> slots;
  Access access;
  std::string audit_type, audit_prefix;  // "station", "station.file"
};

void Register(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
              const Clock& clock, FileRoutes routes);

// {id, slot, slot_label, filename, content_type, size, sha256, uploaded_by, created_at}
http::Json FileJson(const File& f, const std::vector<Slot>& slots);

}  // namespace ruralec::attachments::api
