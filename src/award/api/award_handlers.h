// HTTP API of the award module (docs/API.md "Awards"). Permissions: award:read (lists, lines,
// diff, exports), award:evaluate, award:propose (county staff), award:approve (finance staff;
// re-checked from the database at approval). Region scope: a caller sees programmes whose
// region contains or lies inside theirs; evaluation and lists cover the narrower of the two,
// and lines are filtered to the caller's scope on the server.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::award::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock);

}  // namespace ruralec::award::api
