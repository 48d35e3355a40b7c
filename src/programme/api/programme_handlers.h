// HTTP ⇄ domain for programmes (docs/API.md "Programmes", docs/PROGRESS.md): list, detail,
// progress, lagging list, upload with the checker's errors, task notes, quarterly report.
// Scope: a caller sees a programme whose region is inside their scope or is an ancestor of
// their region (a city plan binds its counties and towns); writes need the programme region
// inside the caller's scope (uploads) or visible (notes).
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "programme/indicators.h"
#include "storage/db.h"

namespace ruralec::programme::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const IndicatorRegistry& indicators);

}  // namespace ruralec::programme::api
