// The batch log read back (导入批次, issue 26 item 10): one batch, a page of them, and the rule
// of who may undo one. The undo itself runs in the imports module's route, through the
// importing module's runtime::ImportUndo hook (docs/API.md "Import batches").
// Contract:
//  - A batch may be undone once, by its importer or by a county-level holder of the kind's
//    import permission in the batch's county; never when it wrote nothing, or when it updated
//    records that existed before (an undo could not put their old values back).
//  - Undoing marks the batch (undone_at, undone_by) and releases its file key, so the same file
//    can be imported again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "core/page.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::imports {

struct Batch {
  int64_t id = 0;
  RegionCode county;
  std::string kind, file_name, mode;
  int64_t rows_total = 0, rows_imported = 0, rows_rejected = 0, rows_updated = 0;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
  std::optional<int64_t> undone_at, undone_by;
  std::string created_by_name, undone_by_name;  // display names (filled by ListBatches)
};

Result<Batch> GetBatch(storage::Connection& conn, int64_t id);  // kNotFound

struct BatchFilter {
  RegionCode county;
  std::string kind;                   // "" = every kind
  std::optional<int64_t> created_by;  // the caller's own …
  std::vector<std::string> all_of;    // … or every batch of these kinds
};
Result<Page<Batch>> ListBatches(storage::Connection& conn, const BatchFilter& f,
                                const PageRequest& page);

// The rule of the contract: OK, or kForbidden / kConflict with the Chinese reason.
// `permission`: the kind's undo permission (runtime::ImportUndo::permission).
Status MayUndo(const Batch& b, const account::Principal& who, const std::string& permission);

Status MarkUndone(storage::Connection& conn, int64_t id, storage::Stamp stamp);

}  // namespace ruralec::imports
