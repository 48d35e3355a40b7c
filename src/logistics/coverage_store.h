// The SQL of coverage and frequency (coverage.h): reads of logistics_nodes, logistics_lines and
// logistics_scan_events grouped per village. No rules; the caller's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::logistics::store {

struct VillageActivity {
  std::string village_code;  // the village point's region
  int64_t delivery_days = 0, uplink_parcels = 0;
};
// Per village of the subtree with events at its points in [from_ms, end_ms).
Result<std::vector<VillageActivity>> ActivityByVillage(storage::Connection& conn,
                                                       const RegionCode& region, int64_t from_ms,
                                                       int64_t end_ms);

struct PointRow {
  std::string village_code, carriers;  // carriers as stored (",a,b,")
  bool active = true;
  int64_t created_at = 0;
};
Result<std::vector<PointRow>> VillagePoints(storage::Connection& conn, const RegionCode& region);

struct SignedRow {
  std::string village_code;
  int64_t waybill_id = 0, signed_at = 0;
  std::optional<int64_t> arrived_at;  // the last 到达 at a town hub before the signature
};
// The downlink 签收 events at the subtree's village points in [from_ms, end_ms).
Result<std::vector<SignedRow>> SignedAtVillages(storage::Connection& conn, const RegionCode& region,
                                                int64_t from_ms, int64_t end_ms);

// Registered in [from_ms, end_ms) when from_ms is given, else active and registered before end_ms.
Result<int64_t> CountNodes(storage::Connection& conn, const RegionCode& region,
                           const std::string& level, std::optional<int64_t> from_ms,
                           int64_t end_ms);
Result<int64_t> CountLines(storage::Connection& conn, const RegionCode& region,
                           const std::string& kind, std::optional<int64_t> from_ms, int64_t end_ms);

}  // namespace ruralec::logistics::store
