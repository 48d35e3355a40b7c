// HTTP API of coverage and frequency (docs/API.md "Logistics coverage"): JSON ⇄ coverage.h.
//   GET /logistics/coverage?region_code=&from=&to=     parcel:read — by town, villages not reached
//   GET /logistics/reports/monthly?region_code=&month= parcel:read — the monthly report (xlsx)
// The region must lie in the caller's scope (403 otherwise); default the caller's region.
#pragma once

#include "http/server.h"
#include "logistics/network.h"

namespace ruralec::logistics::api {

void RegisterCoverageRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::logistics::api
