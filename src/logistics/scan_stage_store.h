// The SQL of the staged scan import (scan_stage.h): its TEMP staging table (private to the
// import's connection; on SQLite written without the database's write lock) and the set-based
// statements that publish the stage into logistics_waybills and logistics_scan_events inside
// the batch's write transaction. No rules: scan_stage.cc decides what is staged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "logistics/parcels.h"
#include "logistics/parcels_store.h"
#include "storage/db.h"

namespace ruralec::logistics::store {

// One accepted row of the file (`event.source_row` its file row).
struct StagedScan {
  Event event;
  std::string dedupe_key;
};

Status CreateScanStage(storage::Connection& conn);
Status AppendScanStage(storage::Connection& conn, const std::vector<StagedScan>& rows);
void DropScanStage(storage::Connection& conn);

// A stored waybill's events: their dedupe keys and what its state is derived from.
struct StoredEvents {
  std::vector<std::string> keys;
  std::vector<StateEvent> events;
};
Result<StoredEvents> EventsOfWaybill(storage::Connection& conn, int64_t waybill_id);

// (id, region, event count) of the stored waybills `ids` as they are now.
struct StoredWaybill {
  int64_t id = 0;
  std::string region;
  int64_t event_count = 0;
};
Result<std::vector<StoredWaybill>> StoredWaybillsNow(storage::Connection& conn,
                                                     const std::vector<int64_t>& ids);

// A waybill the import creates, with the state derived from its staged events.
struct NewWaybill {
  std::string carrier, waybill_no;
  Direction direction = Direction::kDownlink;
  RegionCode region;
  DerivedState state;
  int64_t event_count = 0;
  std::optional<Phone> phone;
};
// Inserts them (kConflict when one was stored meanwhile).
Status InsertNewWaybills(storage::Connection& conn, const RegionCode& county,
                         const std::vector<NewWaybill>& rows, int64_t now_ms);

// Inserts every staged event into the ledger under batch `batch`, in file order; the number
// inserted. kConflict when an event with a staged key was stored meanwhile.
Result<int64_t> PublishStagedEvents(storage::Connection& conn, const RegionCode& county,
                                    int64_t batch, std::optional<int64_t> created_by,
                                    int64_t now_ms);

// Writes the derived state of many stored waybills in one statement (through a TEMP table).
struct WaybillState {
  int64_t id = 0;
  RegionCode region;
  DerivedState state;
  int64_t event_count = 0;
};
Status WriteStates(storage::Connection& conn, const std::vector<WaybillState>& states,
                   int64_t now_ms);

}  // namespace ruralec::logistics::store
