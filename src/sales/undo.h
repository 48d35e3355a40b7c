// Undo of a sales import batch (撤销导入, issue 26 item 10; runtime::ImportUndo "sales").
// The ledger keeps its history: the batch's rows are voided — is_current cleared and voided_at
// set — never deleted, so no figure counts them and the history still shows them. Refused
// (kConflict) when a row of the batch was corrected since (the correction is a newer version
// of it); award lists that used the rows refuse through their own ImportDependent.
#pragma once

#include <vector>

#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::sales {

// The ledger rows the batch wrote (not voided).
Result<std::vector<int64_t>> BatchRecordIds(storage::Connection& conn, int64_t batch_id);
// Voids them; returns how many.
Result<int64_t> VoidBatch(storage::Connection& conn, int64_t batch_id,
                          const std::vector<int64_t>& ids, storage::Stamp stamp);

}  // namespace ruralec::sales
