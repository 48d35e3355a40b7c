// HTTP routes of special funds (docs/API.md "Special funds", docs/FUNDS.md):
// GET  /funds                        (funds:read; paginated, funds of the counties in scope)
// POST /funds                        (funds:edit; a fund with its category plan)
// GET  /funds/{id}                   (funds:read; the fund, its figures and constraint panel)
// GET  /funds/{id}/balances          (funds:read; the balance sheet, paginated)
// GET  /funds/{id}/transfers         (funds:read; the ledger, newest first, paginated)
// POST /funds/{id}/transfers         (funds:edit; one movement with its idempotency key)
// GET  /funds/{id}/projects          (funds:read; the projects the fund pays, paginated)
// POST /funds/{id}/projects          (funds:edit; add a project or record its acceptance)
// POST /funds/{id}/close             (funds:edit; close the books through a date)
// GET  /funds/{id}/verify            (funds:read; walk the chain, audited)
// GET  /funds/{id}/award-items       (funds:read; an award list's payable items, ?list_id=)
// POST /funds/{id}/award-payments    (funds:edit; pay an approved award list's items)
#pragma once

#include "funds/service.h"
#include "http/server.h"

namespace ruralec::funds::api {

void RegisterRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::funds::api
