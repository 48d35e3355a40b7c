// HTTP routes of the quarterly report and of task-note attachments (docs/API.md "Programmes",
// docs/REPORTS.md, docs/PROGRESS.md "Attachments"). Registered from programme_handlers.cc.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "programme/indicators.h"
#include "storage/db.h"

namespace ruralec::programme::api {

// GET /programmes/{id}/report?quarter=YYYYQn → xlsx (programme:read, audited as an export).
void RegisterReportRoute(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                         const Clock& clock, const IndicatorRegistry& indicators);

// GET  /programmes/{id}/tasks/{n}/notes                       (programme:read)
// POST /programmes/{id}/tasks/{n}/notes/{note}/attachments    (programme:edit, multipart)
// GET  /programmes/{id}/attachments/{attachment}              (programme:read, audited)
void RegisterAttachmentRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                              const Clock& clock);

// POST /programmes/{id}/tasks/{n}/notes sent as multipart/form-data: fields text, status and
// an optional file part; note and attachment are written in one transaction.
Result<http::Json> AddNoteMultipart(storage::Database& db, const audit::AuditLog& audit,
                                    const Clock& clock, http::Request& req, http::Reply& reply);

}  // namespace ruralec::programme::api
