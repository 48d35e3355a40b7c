// The EPCIS 2.0 interface (issue 23 item 4; docs/PRODUCTS.md "EPCIS interface"): capture of EPCIS
// documents and the standard event query, over the county's query store — the trace events
// recorded here (trace.h writes each one there too) and the events captured from outside.
//
// Contract:
//  - Capture is all or nothing: a document with one bad event stores nothing and names the
//    event's index and the reason. It is idempotent by eventID (per county): an event captured
//    again with the same content is counted as repeated and stored once; the same eventID with
//    other content refuses the document (kConflict naming the event). An error declaration is
//    a separate entry of its eventID.
//  - Captured events belong to the caller's county (county-level callers holding
//    products:epcis:capture); queries read the counties inside the caller's region, for callers
//    at county level or above holding products:epcis:read.
//  - The query: eventType, GE_/LT_eventTime, GE_/LT_recordTime, EQ_bizStep, EQ_disposition,
//    MATCH_epc (exact, or a prefix ending in *), EQ_bizLocation, WD_bizLocation (a region URN's
//    subtree; other ids exactly), EQ_readPoint, orderBy eventTime|recordTime, orderDirection
//    ASC|DESC, perPage (1–1000, default 30), nextPageToken (opaque, from the previous page).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "products/trace.h"

namespace ruralec::products::epcis {

struct Query {
  RegionCode scope;
  std::vector<std::string> event_types, biz_steps, dispositions, epcs, biz_locations,
      wd_biz_locations, read_points;
  std::optional<int64_t> ge_event_time, lt_event_time, ge_record_time, lt_record_time;
  bool by_record_time = false, descending = false;
  int per_page = 30;
  std::string token;  // "<order value>.<row id>" of the last row of the previous page
};

struct CaptureResult {
  int64_t captured = 0, repeated = 0;
  std::vector<std::string> event_ids;  // in document order
};

Result<CaptureResult> Capture(const trace::Deps& d, const account::Principal& who,
                              const nlohmann::json& document);
// One page of events (their JSON texts) and the next page's token ("" at the end).
Result<std::pair<std::vector<std::string>, std::string>> Events(const trace::Deps& d,
                                                                const account::Principal& who,
                                                                Query q);

}  // namespace ruralec::products::epcis
