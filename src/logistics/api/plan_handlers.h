// HTTP ⇄ routing solver: planning jobs (see docs/ROUTING.md, "HTTP API").
//   POST /api/v1/logistics/plans        logistics:plan:create  202 job queued | 201 synchronous
//   GET  /api/v1/logistics/plans/{id}   logistics:plan:read    status, progress, plan
#pragma once

#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::logistics::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const Clock& clock);

}  // namespace ruralec::logistics::api
