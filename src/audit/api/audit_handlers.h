// HTTP ⇄ domain for the audit log: list and verify, audit admin only (permission audit:read),
// both limited to the caller's region scope (audit::InScope).
#pragma once

#include "audit/audit.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::audit::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const AuditLog& audit);

}  // namespace ruralec::audit::api
