// The station module's only SQL, on its own tables (stations, station_status_changes,
// station_dict_entries). No rules here: callers (service.cc,
// indicators.cc, import.cc) have validated the input and checked permission and scope. Every
// function runs in the caller's connection and transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "crypto/crypto.h"
#include "station/station.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::station::store {

using Stamp = storage::Stamp;

// `in` is normalized (service.cc).
Result<int64_t> Insert(storage::Connection& conn, const crypto::FieldCipher& cipher,
                       const StationInput& in, const NewStatus& initial,
                       std::optional<int64_t> batch_id, Stamp stamp);
// Writes the fields of `in` that differ from `cur`; returns their names (empty: nothing).
Result<std::vector<std::string>> Update(storage::Connection& conn,
                                        const crypto::FieldCipher& cipher, const Station& cur,
                                        const StationInput& in, Stamp stamp);
// Appends a history row and sets the station's current status to it.
Status AddChange(storage::Connection& conn, const Station& s, const NewStatus& change, Stamp stamp);

// The station (region_name and operator_usernames left empty), kNotFound when absent.
Result<Station> Get(storage::Connection& conn, int64_t id);
Result<bool> NameTaken(storage::Connection& conn, const RegionCode& region, const std::string& name,
                       int64_t except_id);
Result<Page<Station>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
Result<std::vector<StatusChange>> Changes(storage::Connection& conn, int64_t station_id);

// What the indicators read: every station of the subtree with its status history.
struct Timeline {
  int64_t id = 0;
  RegionCode region;
  Level level = Level::kVillage;
  std::string build_kind;
  std::vector<std::pair<CivilDate, StationStatus>> changes;  // by date, then recording order
};
Result<std::vector<Timeline>> Timelines(storage::Connection& conn, const RegionCode& scope);

// County additions to a dictionary.
Result<std::vector<DictValue>> DictEntries(storage::Connection& conn, const RegionCode& county,
                                           const std::string& dict);
Status AddDictEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                    const DictValue& v, Stamp stamp);
// kNotFound when the county has no such entry of its own (字典管理 disables or enables it).
Status SetDictEntryDisabled(storage::Connection& conn, const RegionCode& county,
                            const std::string& dict, const std::string& value, bool disabled);

}  // namespace ruralec::station::store
