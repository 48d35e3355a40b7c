// HTTP API of the daily co-delivery plan (docs/API.md "Logistics daily plans"): JSON ⇄
// daily_plan.h; permission and scope are the service's.
//   GET/POST /logistics/pickups                                       plan:read / pickup:edit
//   GET/POST /logistics/daily-plans, GET /logistics/daily-plans/{id}  plan:read / plan:create
//   POST /logistics/daily-plans/{id}/stops/{sid}/move                 plan:create
//   POST /logistics/daily-plans/{id}/routes/{rid}/lock                plan:create
//   POST /logistics/daily-plans/{id}/resolve                          plan:create
//   POST /logistics/daily-plans/{id}/publish                          plan:publish
//   POST /logistics/daily-plans/{id}/stops/{sid}/confirm              parcel:ingest (drivers)
#pragma once

#include "http/server.h"
#include "logistics/network.h"

namespace ruralec::logistics::api {

void RegisterDailyPlanRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::logistics::api
