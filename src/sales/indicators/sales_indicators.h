// The sales ledger and entity registry as data sources of programme indicators
// (docs/INDICATORS.md). The sales manifest declares Sources(); the runtime registers them into
// the process's registry, so neither sales nor programme depends on the other.
// Contract (every computation, over the query's region subtree, current ledger rows only):
//  - A ledger month counts when it overlaps [from, to] (from's month through to's month).
//  - params.direction picks the sales basis of every sales computation: "uplink" (default,
//    农村产品上行) or "all" (every direction: a plan's 年网销额 without 上行); the older
//    spelling `scope` is still read for programme versions stored before it.
//  - rural_online_sales: uplink (or all) sales in fen.
//  - agri_online_retail: uplink sales flagged agricultural, fen.
//  - rural_online_sales_increase: rural_online_sales of the range minus that of the same range
//    a year earlier, fen (may be negative).
//  - rural_online_retail_growth: the same as a growth rate in basis points (1% = 100), rounded
//    half away from zero; no data when the year-earlier figure is 0.
//  - entities_over_sales_threshold / brands_over_sales_threshold / strong_towns_or_parks:
//    distinct entities / brands / towns whose uplink (or all) sales in one calendar year (its
//    months inside the range) are strictly greater than params.threshold (e.g. "1000万元").
//    strong_towns_or_parks counts towns only (parks are not in the ledger).
//  - new_entities: entities whose registration date (工商注册) lies in [from, to]; a count.
//  - A parameter the ledger cannot answer (unknown direction, unreadable threshold) gives
//    kNoDataSource with the reason, never a wrong number.
#pragma once

#include "core/result.h"
#include "runtime/module.h"

namespace ruralec::sales::indicators {

// Every computation above as one group (one read of the ledger for all of a request's lines),
// for the manifest.
runtime::IndicatorGroup Group();
// Registers Group() into `registry` (fails on a second registration).
Status Register(runtime::IndicatorRegistry& registry);

}  // namespace ruralec::sales::indicators
