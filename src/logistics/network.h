// The three-level logistics network (issue 22 item 1): nodes (县级物流配送中心 / 镇级快递物流中转
// 站 / 村级物流服务点), vehicles and lines with their weekly schedule; the carriers dictionary.
//
// Contract:
//  - A node serves one region at its level: county_centre a county (or a city), town_hub a
//    town, village_point a village; the region exists and lies in the editor's scope. Its code
//    (the name carrier files use for it) is unique in the county. A village point may name the
//    village service station it is (station_id): the station must be visible to the editor
//    (station::Get, the station module's C++ API) and serve the node's village.
//  - Coordinates are WGS-84 (both or neither, at most 6 decimals, micro-degrees). Opening hours
//    "HH:MM-HH:MM" (open before close). Capacity: parcels a day. Carriers: values (or labels) of
//    the logistics_carriers dictionary (built-in + the county's additions).
//  - A vehicle: plate unique in the county; capacities in parcels, kg and litres; cold or not;
//    a shift "HH:MM-HH:MM"; optionally its home node.
//  - A line: trunk (a county centre to town hubs) or branch (a town hub to village points),
//    code unique in the county, stops ordered and distinct, every node active and of the same
//    county; weekdays "1".."7" (Monday = 1), days per week = their number; optional departure
//    time and vehicle.
//  - Scope: lists show what lies in the caller's region subtree (a line by its origin node's
//    region); reads of another region's object are "not found"; writes need
//    logistics:network:edit and the object's region in scope. Every write is audited in its
//    transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::logistics {

// Everything the service functions need from the process.
struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// ---- carriers (dictionary logistics_carriers) ----

struct Carrier {
  std::string value, label;
};
const std::vector<Carrier>& BuiltinCarriers();
// The value of a carrier given by value or label, known to `county` (built-in or its own
// additions, disabled ones included); kInvalidArgument naming `field` otherwise.
Result<std::string> ParseCarrier(storage::Connection& conn, const RegionCode& county,
                                 std::string_view text, std::string_view field = "carrier");
// The Chinese label of a value ("" for an unknown one).
Result<std::string> CarrierLabel(storage::Connection& conn, const RegionCode& county,
                                 const std::string& value);

// ---- nodes ----

enum class NodeLevel { kCountyCentre, kTownHub, kVillagePoint };
const char* NodeLevelName(NodeLevel l);  // county_centre | town_hub | village_point
const char* NodeLevelLabel(NodeLevel l);  // 县级物流配送中心 | 镇级快递物流中转站 | 村级物流服务点
Result<NodeLevel> ParseNodeLevel(std::string_view text, std::string_view field = "level");

struct Point {
  int64_t lat_e6 = 0, lng_e6 = 0;
};
// "31.735200" text of micro-degrees.
std::string FormatDegrees(int64_t e6);
// Decimal degrees within ±limit, at most 6 decimals.
Result<int64_t> ParseDegrees(std::string_view text, int limit, std::string_view field);

// Minutes of the day of "HH:MM" (00:00..24:00).
Result<int> ParseClock(std::string_view text, std::string_view field);
std::string FormatClock(int minutes);
struct Hours {
  int open_min = 0, close_min = 0;
};
// "08:00-18:00" (also with ～ or ~ or a full-width dash); open before close.
Result<Hours> ParseHours(std::string_view text, std::string_view field);

struct NodeInput {
  RegionCode region;
  NodeLevel level = NodeLevel::kVillagePoint;
  std::string code, name, address;
  std::optional<Point> point;
  std::optional<Hours> hours;
  std::optional<int64_t> capacity_parcels;
  std::vector<std::string> carriers;
  std::optional<int64_t> station_id;
  bool active = true;
};

struct Node {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  NodeLevel level = NodeLevel::kVillagePoint;
  std::string code, name, address;
  std::optional<Point> point;
  std::optional<Hours> hours;
  std::optional<int64_t> capacity_parcels;
  std::vector<std::string> carriers;
  std::optional<int64_t> station_id;
  std::string station_name;  // filled on a single read
  bool active = true;
  int64_t created_at = 0, updated_at = 0;
};

struct NodeFilter {
  RegionCode region;  // subtree; default the caller's region
  std::optional<NodeLevel> level;
  std::string carrier, q;  // q: code, name or address contains
  std::optional<bool> active;
};

// ---- vehicles ----

struct VehicleInput {
  RegionCode region;  // the owning region (default the editor's)
  std::string plate, owner;
  std::optional<int64_t> capacity_parcels, capacity_kg, capacity_litres;
  bool cold = false;
  std::optional<Hours> shift;
  std::optional<int64_t> home_node_id;
  bool active = true;
};

struct Vehicle {
  int64_t id = 0;
  RegionCode region;
  std::string plate, owner;
  std::optional<int64_t> capacity_parcels, capacity_kg, capacity_litres;
  bool cold = false;
  std::optional<Hours> shift;
  std::optional<int64_t> home_node_id;
  bool active = true;
  int64_t created_at = 0, updated_at = 0;
};

// ---- lines ----

enum class LineKind { kTrunk, kBranch };
const char* LineKindName(LineKind k);   // trunk | branch
const char* LineKindLabel(LineKind k);  // 主干线 | 支线
Result<LineKind> ParseLineKind(std::string_view text, std::string_view field = "kind");

// "135" from {1, 3, 5}; ParseWeekdays takes "135", "1,3,5", [1,3,5] as text, or 每天/daily.
Result<std::string> ParseWeekdays(std::string_view text, std::string_view field = "weekdays");

struct LineInput {
  LineKind kind = LineKind::kBranch;
  std::string code, name;
  int64_t from_node_id = 0;
  std::vector<int64_t> stop_node_ids;
  std::string weekdays;  // "1".."7", ascending, distinct
  std::optional<int> departure_min;
  std::optional<int64_t> vehicle_id;
  bool active = true;
};

struct LineStop {
  int64_t node_id = 0;
  std::string code, name;
  NodeLevel level = NodeLevel::kVillagePoint;
};

struct Line {
  int64_t id = 0;
  RegionCode region;  // the origin node's region
  LineKind kind = LineKind::kBranch;
  std::string code, name;
  int64_t from_node_id = 0;
  std::string from_node_name;
  std::vector<LineStop> stops;
  std::string weekdays;
  std::optional<int> departure_min;
  std::optional<int64_t> vehicle_id;
  bool active = true;
  int64_t created_at = 0, updated_at = 0;
  int days_per_week() const { return static_cast<int>(weekdays.size()); }
};

struct LineFilter {
  RegionCode region;
  std::optional<LineKind> kind;
  std::optional<int64_t> node_id;  // lines starting or stopping at this node
  std::string q;
};

// ---- the service (network.cc): permission, scope, rules, audit ----

Result<Node> CreateNode(const Deps& d, const account::Principal& who, const NodeInput& in);
Result<Node> UpdateNode(const Deps& d, const account::Principal& who, int64_t id,
                        const NodeInput& in);
Result<Node> GetNode(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Node>> ListNodes(const Deps& d, const account::Principal& who, NodeFilter f,
                             const PageRequest& page);

Result<Vehicle> CreateVehicle(const Deps& d, const account::Principal& who, const VehicleInput& in);
Result<Vehicle> UpdateVehicle(const Deps& d, const account::Principal& who, int64_t id,
                              const VehicleInput& in);
Result<Vehicle> GetVehicle(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Vehicle>> ListVehicles(const Deps& d, const account::Principal& who, RegionCode region,
                                   const std::string& q, const PageRequest& page);

Result<Line> CreateLine(const Deps& d, const account::Principal& who, const LineInput& in);
Result<Line> UpdateLine(const Deps& d, const account::Principal& who, int64_t id,
                        const LineInput& in);
Result<Line> GetLine(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Line>> ListLines(const Deps& d, const account::Principal& who, LineFilter f,
                             const PageRequest& page);

}  // namespace ruralec::logistics
