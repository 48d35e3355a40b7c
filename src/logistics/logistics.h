// Logistics (物流): the county logistics information system (issue 22, docs/LOGISTICS.md).
//
// Contract:
//  - The network (network.h): nodes by level (county centre, town hub, village point — a
//    village point may name its village's service station through the station module's C++
//    API), vehicles, lines with their weekly schedule; carriers are the logistics_carriers
//    dictionary, which counties extend (字典管理). Cold-chain resources (cold_chain.h): 冷库,
//    气调库, 预冷库 with capacity in tonnes and temperature range in tenths of a degree; kinds are
//    the logistics_cold_kinds dictionary, which counties extend too.
//  - Parcels (parcels.h): the canonical scan event ledger, idempotent by a dedupe key; a
//    waybill's state derived from its events by time; batch ingest (parcels_import.h: csv,
//    xlsx, JSON lines) over HTTP and `ruralec parcels import`; the recipient's mobile encrypted.
//  - Tracking (tracking.h): staff timelines in scope; the public lookup by number and phone4.
//  - Plan jobs: a plan request (depots, stops, vehicles, options) is stored as a job row before
//    anything runs (plan_store.h); the instance that accepted it solves it on a worker thread
//    (plan_runner.h) with the routing solver, which knows nothing of databases or HTTP. Any
//    instance answers GET from the rows: progress at most once a second, then the plan or the
//    error ({code, message, field}). A shutdown marks running and queued jobs failed. A job
//    belongs to the caller's region; reads by other regions are 404.
//  - Tables owned: logistics_plans, logistics_nodes, logistics_vehicles, logistics_lines,
//    logistics_line_stops, logistics_waybills, logistics_scan_events, logistics_cold_resources
//    (and the daily plans' tables, daily_plan.h). Permissions:
//    logistics:plan:read|create, logistics:network:read|edit, logistics:dict:edit,
//    logistics:parcel:read|ingest.
// The HTTP edge is api/ (JSON ⇄ routing::Problem in api/plan_request.h; network and parcels in
// api/network_handlers.h); the manifest is module.cc. This module is the worked example of
// docs/MODULES.md.
#pragma once

#include "logistics/cold_chain.h"
#include "logistics/network.h"
#include "logistics/parcels.h"
#include "logistics/plan_runner.h"
#include "logistics/plan_store.h"
#include "logistics/tracking.h"
