// The EPCIS query store's SQL, on its own tables (epcis_events, epcis_event_epcs). Writes run in
// the caller's transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "products/epcis.h"
#include "products/epcis_io.h"

namespace ruralec::products::epcis::store {

// The stored fingerprint of (county, eventID, declaration), if any.
Result<std::optional<std::string>> Fingerprint(storage::Connection& conn, const std::string& county,
                                               const std::string& event_id, bool declaration);
Result<int64_t> Insert(storage::Connection& conn, const std::string& county, const Stored& s,
                       std::optional<int64_t> trace_event_id, std::optional<int64_t> by);
// The stored fingerprints of the events' (eventID, declaration) pairs that are stored (a capture:
// a few statements for a whole document, not one per event).
using Key = std::pair<std::string, bool>;
Result<std::map<Key, std::string>> Fingerprints(storage::Connection& conn,
                                                const std::string& county,
                                                const std::vector<const Stored*>& events);
// Inserts captured events (none stored yet) with their EPCs, many rows a statement.
Status InsertAll(storage::Connection& conn, const std::string& county,
                 const std::vector<const Stored*>& events, std::optional<int64_t> by);
// One page of events matching `q` after its token, in its order, and the next page's token.
struct Found {
  std::vector<std::string> documents;
  std::string next_token;
};
Result<Found> Find(storage::Connection& conn, const epcis::Query& q);

}  // namespace ruralec::products::epcis::store
