// HTTP ⇄ domain for the audit log: list and verify, audit admin only (permission audit:read),
// both limited to the caller's region scope (audit::InScope).
#pragma once

#include "audit/audit.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::audit::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const AuditLog& audit);

// The list's filters from the query: user, action (`auth.*`: every action starting "auth."),
// object_type, outcome, from/to (civil dates, `to` inclusive); the caller's region as scope.
Result<Filter> FilterFrom(const http::Request& req);

}  // namespace ruralec::audit::api
