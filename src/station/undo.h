// Undoing an import of service records (撤销导入, issue 17 item 2: the same import rules as the
// sales ledger): the runtime::ImportUndo hooks of the kinds "station_records" and
// "station_events" (module.cc), run by the imports module's undo route in its transaction
// after its own rule (imports/batches.h MayUndo: the importer, or a county-level holder of
// station:record:import) and the other modules' dependents (the award engine's evidence).
//
// Contract (docs/STATIONS.md "Undoing an import"):
//  - station_records: the batch's monthly records leave their month (no longer current,
//    voided_at/voided_by set) and stay as history; a month item the batch wrote then has no
//    figure, as before the import. Refused (kConflict) when a record of the batch has been
//    corrected since: the correction holds figures the import did not write.
//  - station_events: the batch's events not yet voided are voided with the reason
//    "撤销导入批次 N" and every (station, month, item) they count in is summed again
//    (events.h), so the monthly figure is the sum of the events left.
//  - Both return the rows undone; the route audits "import.undo".
#pragma once

#include <vector>

#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::station {

Result<std::vector<int64_t>> RecordBatchIds(storage::Connection& conn, int64_t batch_id);
Result<int64_t> UndoRecordBatch(storage::Connection& conn, int64_t batch_id,
                                const std::vector<int64_t>& ids, storage::Stamp stamp);

Result<std::vector<int64_t>> EventBatchIds(storage::Connection& conn, int64_t batch_id);
Result<int64_t> UndoEventBatch(storage::Connection& conn, int64_t batch_id,
                               const std::vector<int64_t>& ids, storage::Stamp stamp);

// For modules that cite monthly records as evidence (the award engine): the current monthly
// records that count events `event_ids`, i.e. those an undo of their batch supersedes.
Result<std::vector<int64_t>> RecordsCountingEvents(storage::Connection& conn,
                                                   const std::vector<int64_t>& event_ids);

}  // namespace ruralec::station
