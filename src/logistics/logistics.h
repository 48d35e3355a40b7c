// Logistics (物流): co-delivery planning as a service of the county platform.
//
// Contract:
//  - A plan request (depots, stops, vehicles, options) is stored as a job row before anything
//    runs (plan_store.h); the instance that accepted it solves it on a worker thread
//    (plan_runner.h) with the routing solver, which knows nothing of databases or HTTP.
//  - Any instance answers GET from the rows: progress at most once a second, then the plan or
//    the error ({code, message, field}). A shutdown marks running and queued jobs failed.
//  - Scope: a job belongs to the caller's region; reads by other regions are 404.
//  - Tables owned: logistics_plans. Permissions: logistics:plan:read, logistics:plan:create.
// The HTTP edge is api/ (JSON ⇄ routing::Problem in api/plan_request.h); the manifest is
// module.cc. This module is the worked example of docs/MODULES.md.
#pragma once

#include "logistics/plan_runner.h"
#include "logistics/plan_store.h"
