// The network's SQL (logistics_nodes, logistics_vehicles, logistics_lines,
// logistics_line_stops). No rules: network.cc has checked input, permission and scope. Every
// function runs in the caller's connection and transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "logistics/network.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::logistics::store {

using Stamp = storage::Stamp;

Result<int64_t> InsertNode(storage::Connection& conn, const NodeInput& in, Stamp stamp);
Status UpdateNode(storage::Connection& conn, int64_t id, const NodeInput& in, Stamp stamp);
// kNotFound when absent (region_name, station_name left empty).
Result<Node> GetNode(storage::Connection& conn, int64_t id);
// The nodes of `ids` that exist, by id.
Result<std::map<int64_t, Node>> NodesByIds(storage::Connection& conn,
                                           const std::vector<int64_t>& ids);
// The node of `county` with `code`, if any.
Result<std::optional<Node>> NodeByCode(storage::Connection& conn, const RegionCode& county,
                                       const std::string& code);
Result<bool> NodeCodeTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& code, int64_t except_id);
Result<Page<Node>> ListNodes(storage::Connection& conn, const NodeFilter& f,
                             const PageRequest& page);

Result<int64_t> InsertVehicle(storage::Connection& conn, const VehicleInput& in, Stamp stamp);
Status UpdateVehicle(storage::Connection& conn, int64_t id, const VehicleInput& in, Stamp stamp);
Result<Vehicle> GetVehicle(storage::Connection& conn, int64_t id);
Result<bool> PlateTaken(storage::Connection& conn, const RegionCode& county,
                        const std::string& plate, int64_t except_id);
Result<Page<Vehicle>> ListVehicles(storage::Connection& conn, const RegionCode& region,
                                   const std::string& q, const PageRequest& page);

// `region` is the origin node's region.
Result<int64_t> InsertLine(storage::Connection& conn, const LineInput& in, const RegionCode& region,
                           Stamp stamp);
Status UpdateLine(storage::Connection& conn, int64_t id, const LineInput& in,
                  const RegionCode& region, Stamp stamp);
// The line with its stops (node code, name, level) in order; names of the origin left empty.
Result<Line> GetLine(storage::Connection& conn, int64_t id);
Result<bool> LineCodeTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& code, int64_t except_id);
Result<Page<Line>> ListLines(storage::Connection& conn, const LineFilter& f,
                             const PageRequest& page);

}  // namespace ruralec::logistics::store
