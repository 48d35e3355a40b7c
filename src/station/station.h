// Village e-commerce service stations (乡村电商服务站点): the registry and its status history.
//
// Contract:
//  - A station serves one region: a village (level `village`, 村级服务点) or a town (level
//    `town`, 镇级综合服务站); the region must exist at that level. Name is unique per region.
//  - Status moves planned → building → operating ⇄ suspended → exited (and planned/building →
//    exited); every change is a dated row with a reason and the decision document number, never
//    before the previous change nor after today. exited is final; the station and its history
//    are kept. Registration writes the first history row (from nothing to the initial status).
//  - Scope: holders of station:read see stations whose region lies in their region's subtree;
//    a station operator (station:read:own, a role bound to one station) sees that station only;
//    an operator company (station:read:operated, an `entity` account) the stations whose
//    承办企业 is its entity. Writes need station:edit and the region in scope. A station outside
//    the caller's view is "not found" (existence hidden).
//  - The manager's mobile is stored encrypted (FieldCipher, context "stations.mobile") with a
//    blind index and a masked copy; reads return only the masked value.
//  - Coordinates are WGS-84 (lat −90..90, lng −180..180), both or neither, at most 6 decimals,
//    stored as integer micro-degrees.
//  - Facilities and services are values of the `station_facilities` / `station_services`
//    dictionaries: the built-in entries (module.cc) plus those the station's county added.
//  - Service functions (service.cc) check permission, scope and rules and write the audit entry
//    in the same transaction as the change; store functions (station_store.h) only run SQL.
// Tables owned: stations, station_status_changes, station_dict_entries (import batches are the
// imports module's import_batches, kind "stations").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"
#include "storage/status_history.h"

namespace ruralec::station {

enum class Level { kTown, kVillage };
enum class StationStatus { kPlanned, kBuilding, kOperating, kSuspended, kExited };

const char* LevelName(Level l);            // "town" | "village"
const char* LevelLabel(Level l);           // "镇级综合服务站" | "村级服务点"
const char* StatusName(StationStatus s);   // "planned" …
const char* StatusLabel(StationStatus s);  // "规划中" …
// Accept the code name or the Chinese label.
Result<Level> ParseLevel(std::string_view text, std::string_view field = "level");
Result<StationStatus> ParseStatus(std::string_view text, std::string_view field = "status");
// Whether `from` may change to `to` (the machine above).
bool CanChange(StationStatus from, StationStatus to);

// WGS-84 point in micro-degrees.
struct Point {
  int64_t lat_e6 = 0, lng_e6 = 0;
  auto operator<=>(const Point&) const = default;  // NOLINT(modernize-use-nullptr)
};
// Parses a decimal degree text ("31.7352", "-0.5") with at most 6 decimals within ±`limit`.
Result<int64_t> ParseDegrees(std::string_view text, int limit, std::string_view field);
std::string FormatDegrees(int64_t e6);  // "31.735200"

// What a registration or an update carries (text fields are trimmed and checked).
struct StationInput {
  RegionCode region;
  Level level = Level::kVillage;
  std::string name, address;
  std::optional<Point> point;
  std::string manager_name;
  std::string mobile;                         // "" = none
  std::optional<int64_t> operator_entity_id;  // 承办企业 (an entity), none when unknown
  std::string agreement_no;                   // 承办协议编号
  std::string build_kind = "new";             // new | upgraded (新建 / 改造提升)
  std::optional<CivilDate> built_on, online_on;
  std::vector<std::string> facilities, services, carriers;
};

struct Station {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  Level level = Level::kVillage;
  std::string name, address;
  std::optional<Point> point;
  std::string manager_name;
  std::optional<std::string> mobile_masked;
  // The station_operator accounts bound to it (filled on a single read; the list leaves it).
  std::vector<std::string> operator_usernames;
  std::optional<int64_t> operator_entity_id;
  std::string agreement_no, build_kind;
  std::optional<CivilDate> built_on, online_on;
  std::vector<std::string> facilities, services, carriers;
  StationStatus status = StationStatus::kPlanned;
  CivilDate status_since;
  std::optional<int64_t> batch_id;
  int64_t created_at = 0, updated_at = 0;
};

// The dated status history (storage/status_history.h): registration is the first row.
using StatusChange = storage::StatusChange<StationStatus>;
using NewStatus = storage::NewStatus<StationStatus>;

struct Filter {
  RegionCode region;  // subtree (already checked against the caller's scope)
  std::optional<Level> level;
  std::optional<StationStatus> status;
  std::string service, facility, q;           // q: name or address contains
  std::optional<int64_t> station_id;          // set for a station operator: their station
  std::optional<int64_t> operator_entity_id;  // set for an operator company: its stations
};

// Everything the service functions need from the process.
struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// The view a caller has (issue 17 item 8): the region subtree (station:read); a station
// operator (station:read:own) only the station their account is bound to; an operator company
// (station:read:operated, an `entity` account) only the stations whose 承办企业 is the entity it
// is bound to, anywhere in its county. A bound caller without its binding sees nothing (fail
// closed: the id 0 matches no station). kForbidden without any of the three.
struct View {
  RegionCode region;
  std::optional<int64_t> station;  // set: only this station
  std::optional<int64_t> company;  // set: only stations whose operator_entity_id is this
  bool Sees(const RegionCode& r, int64_t id, std::optional<int64_t> operator_entity) const {
    if (!region.Contains(r)) return false;
    if (station && id != *station) return false;
    return !company || operator_entity == company;
  }
};
Result<View> ViewOf(const account::Principal& who);

// Registers a station with its initial status (default planned) dated `since` (default today).
// Needs station:edit; kInvalidArgument naming the field, kConflict for a duplicate name in the
// region, kForbidden outside scope. Audited "station.create".
Result<Station> Register(const Deps& d, const account::Principal& who, const StationInput& in,
                         std::optional<NewStatus> initial = std::nullopt,
                         std::optional<int64_t> batch_id = std::nullopt);
// Replaces the registry fields (not the status). Audited "station.update" with changed fields.
Result<Station> Update(const Deps& d, const account::Principal& who, int64_t id,
                       const StationInput& in);
// A status change. Audited "station.status".
Result<Station> ChangeStatus(const Deps& d, const account::Principal& who, int64_t id,
                             const NewStatus& change);
Result<Station> Get(const Deps& d, const account::Principal& who, int64_t id);
Result<std::vector<StatusChange>> History(const Deps& d, const account::Principal& who, int64_t id);
// `f.region` defaults to the caller's region; outside the caller's scope is kForbidden.
Result<Page<Station>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page);

// Dictionary values a station of `county` may carry (built-in + the county's additions).
struct DictValue {
  std::string value, label;
  bool builtin = true;
  bool disabled = false;  // a county's own entry it disabled: no new choice, label still shown
};
// The built-in entries of `station_facilities` / `station_services` (empty for another name).
const std::vector<DictValue>& Builtin(std::string_view dict);
Result<std::vector<DictValue>> DictValues(storage::Connection& conn, const RegionCode& county,
                                          std::string_view dict);
// Adds an entry to a county's facilities/services dictionary (needs station:dict:edit; the
// caller's county). Audited "station.dict.add".
Status AddDictValue(const Deps& d, const account::Principal& who, std::string_view dict,
                    const DictValue& v);

}  // namespace ruralec::station
