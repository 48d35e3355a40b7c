// Local settings over HTTP (issue 16 item 3, docs/API.md "Local settings"):
//   GET  /programmes/{id}/local                  the open items of a version, its local version
//                                                and the recent changes (programme:read)
//   POST /programmes/{id}/local                  submit values → a pending change
//                                                (programme:local:edit)
//   GET  /programmes/local-changes/{cid}         one change with its values (programme:read)
//   POST /programmes/local-changes/{cid}/approve a different user approves → a new programme
//                                                version (programme:local:approve)
//   GET  /programmes/{id}/export                 the version's YAML text (programme:read)
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::programme::api {

void RegisterLocalRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                         const Clock& clock);

}  // namespace ruralec::programme::api
