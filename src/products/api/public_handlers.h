// HTTP API of the public trace page and of the batch's identifiers (docs/PRODUCTS.md "Public
// trace page", "Identifiers and QR codes"): GET /public/trace/{code} (no session, limited per
// address, cacheable), a batch's Digital Link, its QR code (PNG, SVG) and its label sheet (PDF).
#pragma once

#include "http/server.h"
#include "products/trace.h"

namespace ruralec::products::api {

void RegisterPublicRoutes(http::Server& s, const trace::Deps& d);

}  // namespace ruralec::products::api
