// HTTP API of traceability (docs/API.md "Traceability", docs/PRODUCTS.md): batches, trace
// events, corrections and a batch's EPCIS document; the service checks permission and scope.
#pragma once

#include "http/server.h"
#include "products/trace.h"

namespace ruralec::products::api {

void RegisterTraceRoutes(http::Server& s, const trace::Deps& d);

}  // namespace ruralec::products::api
