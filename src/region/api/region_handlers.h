// HTTP ⇄ domain for the region tree and its tags (see docs/API.md). Every route checks the
// caller's scope: a region outside it answers 403 and nothing changes.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::region::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock);

}  // namespace ruralec::region::api
