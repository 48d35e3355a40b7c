// HTTP API of projects (docs/API.md "Projects", docs/PROJECTS.md): JSON ⇄ the service's structs;
// permission and scope are checked by the service (projects.h).
#pragma once

#include "http/server.h"
#include "projects/projects.h"

namespace ruralec::projects::api {

void RegisterRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::projects::api
