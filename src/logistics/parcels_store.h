// The parcels' SQL (logistics_waybills, logistics_scan_events). No rules: parcels.cc and
// tracking.cc check input, permission and scope. Every function runs in the caller's
// connection and transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "logistics/parcels.h"
#include "storage/db.h"

namespace ruralec::logistics::store {

struct WaybillRow {
  int64_t id = 0;
  RegionCode county, region;
  std::string carrier, waybill_no;
  Direction direction = Direction::kDownlink;
  ScanType state = ScanType::kAccepted;
  int64_t state_at = 0;
  std::optional<int64_t> state_node_id;
  int64_t event_count = 0, first_at = 0, last_at = 0;
  bool has_phone = false;
  std::optional<std::string> phone_masked;
  int64_t created_at = 0, updated_at = 0;
};

Result<std::optional<WaybillRow>> FindWaybill(storage::Connection& conn, const RegionCode& county,
                                              const std::string& carrier,
                                              const std::string& number);
Result<WaybillRow> GetWaybill(storage::Connection& conn, int64_t id);
// A new waybill in the state of its first event (refreshed after the batch).
Result<int64_t> InsertWaybill(storage::Connection& conn, const WaybillRow& w);
struct Phone {
  std::string enc, idx, masked, tag;
};
Status SetPhone(storage::Connection& conn, int64_t id, const Phone& p);

// Inserts the event unless its key is stored in the county; true when inserted.
Result<bool> InsertEvent(storage::Connection& conn, const RegionCode& county, int64_t waybill_id,
                         const Event& e, std::optional<int64_t> created_by, int64_t now_ms);
// A waybill's events for the state (id, type, time, node).
Result<std::vector<StateEvent>> StateEvents(storage::Connection& conn, int64_t waybill_id);
Status WriteState(storage::Connection& conn, int64_t id, const DerivedState& s,
                  const RegionCode& region, int64_t event_count, int64_t now_ms);

// The timeline: every event of the waybill by scan time.
Result<std::vector<Event>> Timeline(storage::Connection& conn, int64_t waybill_id);

// Waybills with `number` whose phone tag is `tag` (public tracking).
Result<std::vector<WaybillRow>> ByNumberAndTag(storage::Connection& conn, const std::string& number,
                                               const std::string& tag);

struct WaybillFilter {
  RegionCode region;       // subtree
  std::string carrier, q;  // q: waybill number starts with
  std::optional<ScanType> state;
  std::optional<Direction> direction;
};
Result<Page<WaybillRow>> ListWaybills(storage::Connection& conn, const WaybillFilter& f,
                                      const PageRequest& page);

}  // namespace ruralec::logistics::store
