// The staged scan import (a carrier's file of scan events; issue 22 item 2 and Measures): the
// imports runner's staged mode (imports.h). Rows are checked and staged without writing the
// ledger; one short write transaction publishes them set-based.
//
// Contract (the same outcomes as storing the rows one by one, parcels.h):
//  - Row: the scan is checked (CheckScan); its waybill is looked up once per file with the keys
//    of its stored events (a stored waybill outside the importer's scope rejects the row); a
//    key already stored, or seen earlier in the file, is a duplicate (AlreadyImported), else
//    the row is staged. The first mobile given to a waybill without one — on any row in scope,
//    a duplicate scan's too, as StoreEvent does — is encrypted and kept with the waybill.
//  - Each waybill's state is derived in memory (DeriveState over its stored events, read with
//    its keys, and its staged ones: a staged event sorts after every stored one at equal time
//    and kind, as its id will), so publishing reads nothing back from the ledger.
//  - Publish, in the batch's write transaction: the stored waybills of the stage must still
//    have the regions and event counts they were checked against, and no waybill or event the
//    stage creates may have been stored meanwhile — otherwise RestartImport() (the runner
//    re-runs the import, which then sees them). The new waybills (bulk, with state and mobile),
//    every event (one INSERT … SELECT from the stage, file order), the stored waybills' states
//    and mobiles, and one change mark (the county from the earliest scan's month).
//  - Memory grows with the file: per waybill its keys and events (~150 bytes a row); the rows
//    themselves go to the TEMP stage 2,000 at a time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "logistics/parcels.h"
#include "logistics/parcels_store.h"
#include "logistics/scan_stage_store.h"

namespace ruralec::logistics {

class ScanStager {
 public:
  // Keeps a copy of `deps` (references to long-lived services); `who` must outlive the stager.
  ScanStager(const Deps& deps, const account::Principal& who, Source source);
  ScanStager(const ScanStager&) = delete;
  ScanStager& operator=(const ScanStager&) = delete;

  // Checks and stages one row (file row `source_row`): kAccepted when staged, kDuplicate when
  // its key is stored or was staged before; a row error (imports::IsRowError) names the field.
  Result<RowResult> Add(storage::Connection& conn, const ScanInput& in, int64_t source_row);
  Status Finish(storage::Connection& conn);  // stages what is buffered
  Status Publish(storage::Connection& conn, int64_t batch);
  void Discard(storage::Connection& conn);

 private:
  struct Waybill {
    std::optional<int64_t> id;  // stored before the import
    std::string region;         // as checked (stored), or where the state puts it
    int64_t stored_events = 0;  // stored, as checked
    std::string carrier, waybill_no;
    Direction direction = Direction::kDownlink;  // of its first staged row (a new one)
    std::optional<store::Phone> phone;           // given by this import
    bool has_phone = false;
    std::unordered_set<std::string> keys;  // stored and staged dedupe keys
    std::vector<StateEvent> events;        // stored and staged
  };
  Result<Waybill*> WaybillOf(storage::Connection& conn, const Event& e);
  Status Flush(storage::Connection& conn);
  Result<std::string> RegionOf(storage::Connection& conn, const Waybill& w, const DerivedState& s);
  Status WriteWaybills(storage::Connection& conn, int64_t now);

  Deps deps_;  // before ing_, which refers to it
  Ingest ing_;
  NodeCache nodes_;
  std::unordered_map<std::string, Waybill> waybills_;  // by carrier + '|' + number
  std::vector<Waybill*> order_;                        // as the file first names them
  std::map<int64_t, std::string> node_regions_;
  std::vector<store::StagedScan> buffer_;
  bool stage_ready_ = false;
  int64_t staged_ = 0;
  std::optional<CivilDate> earliest_;
};

// The encrypted mobile of a waybill (parcels.cc): ciphertext, blind index, masked copy and the
// public tracking tag of (number, last four digits).
store::Phone PhoneFor(const crypto::FieldCipher& cipher, const std::string& number,
                      const std::string& phone);

}  // namespace ruralec::logistics
