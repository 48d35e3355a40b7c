// HTTP API of the screen (docs/API.md "Dashboard"), all under dashboard:read and the caller's
// scope (a region outside it is 403):
//   GET /dashboard/{region}?month=YYYY-MM&panels=a,b     the screen's data (one call)
//   GET /dashboard/{region}/ranking?month=&by=&page=…   the children ranked by one figure
//   GET /dashboard/{region}/package?period=&kind=&format= the statistics package (xlsx or JSON)
#pragma once

#include <memory>

#include "dashboard/screen.h"
#include "http/server.h"

namespace ruralec::dashboard::api {

// `keep`: what must live as long as the routes (the change refresher of `ruralec serve`).
void RegisterRoutes(http::Server& s, const Deps& d, std::shared_ptr<void> keep = nullptr);

// The route pattern of a region in the path (2, 4, 6, 9 or 12 digits).
inline constexpr const char* kRegionPath = R"(/dashboard/(\d{2}|\d{4}|\d{6}|\d{9}|\d{12}))";

}  // namespace ruralec::dashboard::api
