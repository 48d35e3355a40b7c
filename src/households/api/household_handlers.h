// HTTP API of the households module (docs/API.md "Households and purchases"): JSON ⇄ the
// service's structs; permission, scope and masking are the service's (households.h,
// purchases.h).
#pragma once

#include "households/households.h"
#include "households/purchases.h"
#include "http/server.h"

namespace ruralec::households::api {

void RegisterRoutes(http::Server& s, const Deps& d);
// The purchases ledger's routes (purchase_routes.cc).
void RegisterPurchaseRoutes(http::Server& s, const Deps& d);
// Employment, shops, a household's help and the coverage (help_routes.cc).
void RegisterHelpRoutes(http::Server& s, const Deps& d);
// Imports of employment and shops (help_import_routes.cc; called by RegisterHelpRoutes).
void RegisterHelpImportRoutes(http::Server& s, const Deps& d);

http::Json HouseholdJson(const Household& h);

}  // namespace ruralec::households::api
