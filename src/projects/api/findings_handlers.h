// HTTP API of the issue list (docs/API.md "Projects", docs/PROJECTS.md "Issue list"): JSON ⇄
// findings.h's structs; permission and scope are checked by the service.
#pragma once

#include "http/server.h"
#include "projects/findings.h"

namespace ruralec::projects::api {

// GET/POST /findings, GET /findings/{id}, POST /findings/{id}/moves.
void RegisterFindingRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::projects::api
