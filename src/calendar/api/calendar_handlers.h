// HTTP ⇄ domain for the working-day calendar (see docs/API.md).
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::calendar::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock);

}  // namespace ruralec::calendar::api
