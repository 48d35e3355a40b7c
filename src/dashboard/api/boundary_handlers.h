// HTTP routes of a county's boundary map (docs/API.md "Dashboard"):
//   POST /dashboard/{county}/boundary  dashboard:boundary:edit — multipart: file (GeoJSON),
//                                      approval_number (审图号, optional)
//   GET  /dashboard/{region}/boundary  dashboard:read — the county's file; for a town or village
//                                      only its own features
#pragma once

#include "dashboard/boundary.h"
#include "http/server.h"

namespace ruralec::dashboard::api {

void RegisterBoundaryRoutes(http::Server& s, const BoundaryDeps& d);

}  // namespace ruralec::dashboard::api
