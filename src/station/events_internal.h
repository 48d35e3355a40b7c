// Pieces of the per-event rules (events.cc) the event import (events_import.cc) and the monthly
// records (records.cc) share. Internal to the station module.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "station/events.h"
#include "station/records_store.h"

namespace ruralec::station::internal {

inline constexpr char kEventsSource[] = "events";

// Whether an event may be recorded for a key whose current record is `cur` (events.h: refused
// when it is a monthly figure other than zero). kConflict field "item".
Status CheckEventKey(const std::optional<ServiceRecord>& cur, const RecordItem& item);
// Up to kMaxEventProducts names, each ≤ 50 characters, no repeats. Field "products".
Result<std::vector<std::string>> CheckProducts(const std::vector<std::string>& products);
// The household ids of `ids` and of the heads' ID numbers `id_numbers`, each registered in
// `county` (households module API), without repeats. Field "households".
Result<std::vector<int64_t>> ResolveHouseholds(storage::Connection& conn,
                                               const crypto::FieldCipher& cipher,
                                               const RegionCode& county,
                                               const std::vector<int64_t>& ids,
                                               const std::vector<std::string>& id_numbers);
// Makes the current record of (station, period, item) the sum of its events (source "events"),
// superseding the current one when the figures differ. Returns the current record.
struct SyncKey {
  int64_t station_id = 0;
  RegionCode region;
  std::string period, item;
};
Result<ServiceRecord> SyncMonth(storage::Connection& conn, const SyncKey& key,
                                std::optional<int64_t> by, int64_t now, const std::string& reason);
// Whether `who` may import the records of station `s`: staff who may write them (CanWrite), or
// an operator company (station:record:import without station:read) for the stations whose
// operator_entity_id is the entity its account is bound to.
bool CanImport(const account::Principal& who, const store::StationRef& s);

}  // namespace ruralec::station::internal
