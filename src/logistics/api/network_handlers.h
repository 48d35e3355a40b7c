// HTTP API of the logistics network and parcels (docs/API.md "Logistics"): JSON ⇄ the
// service's structs; permission and scope are checked by the service (network.h, parcels.h,
// tracking.h).
//   GET/POST /logistics/nodes, GET/PUT /logistics/nodes/{id}          network:read / :edit
//   GET/POST /logistics/vehicles, GET/PUT /logistics/vehicles/{id}
//   GET/POST /logistics/lines, GET/PUT /logistics/lines/{id}
//   GET/POST /logistics/cold-resources, GET/PUT /logistics/cold-resources/{id}  (cold_chain.h)
//   POST /logistics/scans (one scan), POST /logistics/scans/import     parcel:ingest
//   GET /logistics/scans/template
//   GET /logistics/waybills, GET /logistics/waybills/{carrier}/{number} parcel:read
//   GET /public/track?waybill=…&phone4=…                               no session
#pragma once

#include "http/server.h"
#include "logistics/network.h"

namespace ruralec::logistics::api {

void RegisterNetworkRoutes(http::Server& s, const Deps& d);
void RegisterParcelRoutes(http::Server& s, const Deps& d);
void RegisterColdChainRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::logistics::api
