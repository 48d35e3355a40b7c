// Undo of an entity import batch (撤销导入, issue 26 item 10; runtime::ImportUndo "entities"):
// the entities the batch registered are removed with the shops registered with them. Refused
// (kConflict, the reason in Chinese) when one of them was edited after the import, has a brand
// or a shop added later; records of other modules that refer to them refuse through their own
// ImportDependent (sales rows, stations, trainees, households, agreements, award lines, bound
// accounts).
#pragma once

#include <vector>

#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::entity {

Result<std::vector<int64_t>> BatchEntityIds(storage::Connection& conn, int64_t batch_id);
// Removes them and their shops; returns how many entities.
Result<int64_t> RemoveBatch(storage::Connection& conn, int64_t batch_id,
                            const std::vector<int64_t>& ids, storage::Stamp stamp);

}  // namespace ruralec::entity
