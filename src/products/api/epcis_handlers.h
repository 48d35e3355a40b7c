// HTTP API of the EPCIS 2.0 interface (docs/API.md "EPCIS", docs/PRODUCTS.md "EPCIS interface"):
// POST /epcis/capture and GET /epcis/events with the standard query parameters.
#pragma once

#include "http/server.h"
#include "products/trace.h"

namespace ruralec::products::api {

void RegisterEpcisRoutes(http::Server& s, const trace::Deps& d);

}  // namespace ruralec::products::api
