// The EPCIS query store's SQL, on its own tables (epcis_events, epcis_event_epcs). Writes run in
// the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "products/epcis.h"
#include "products/epcis_io.h"

namespace ruralec::products::epcis::store {

// The stored fingerprint of (county, eventID, declaration), if any.
Result<std::optional<std::string>> Fingerprint(storage::Connection& conn, const std::string& county,
                                               const std::string& event_id, bool declaration);
Result<int64_t> Insert(storage::Connection& conn, const std::string& county, const Stored& s,
                       std::optional<int64_t> trace_event_id, std::optional<int64_t> by);
// One page of events matching `q` after its token, in its order, and the next page's token.
struct Found {
  std::vector<std::string> documents;
  std::string next_token;
};
Result<Found> Find(storage::Connection& conn, const epcis::Query& q);

}  // namespace ruralec::products::epcis::store
