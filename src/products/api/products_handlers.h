// HTTP API of the product library (docs/API.md "Products", docs/PRODUCTS.md): JSON ⇄ the
// service's structs; permission, scope and the entity binding are checked by the service
// (products.h).
#pragma once

#include "http/server.h"
#include "products/products.h"

namespace ruralec::products::api {

void RegisterRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::products::api
