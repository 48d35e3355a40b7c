// What the entity and sales route files take from the HTTP edge, in one namespace they import:
// the shared helpers (params.h, file_reply.h, audit_entry.h) and the export bounds.
#pragma once

#include <cstdint>
#include <optional>

#include "core/page.h"
#include "core/result.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/params.h"
#include "http/server.h"

namespace ruralec::http::util {

using http::AuditEntry;
using http::BodyOptBool;
using http::BodyOptInt;
using http::FileReply;
using http::PathId;
using http::QueryOptBool;
using http::QueryOptInt;
using http::QueryYear;
using http::ScopedRegion;
using http::TempDir;
using http::XlsxReply;

// Exports hold at most this many rows (a larger selection is 400: narrow the filters).
inline constexpr int kMaxExportRows = 100000;
// The page an export reads (one more than kMaxExportRows, so TooManyForExport can tell).
PageRequest ExportPage();
// kInvalidArgument (field page_size) when `total` exceeds kMaxExportRows.
Status TooManyForExport(int64_t total);

Json OptInt(const std::optional<int64_t>& v);  // null when absent

}  // namespace ruralec::http::util
