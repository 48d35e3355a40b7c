// Pieces of the service (service.cc) that the import (import.cc) runs itself. Internal to the
// designation module.
#pragma once

#include <optional>

#include "designation/designation.h"
#include "designation/designation_store.h"

namespace ruralec::designation::internal {

// Checks permission, fields, subject and scope of a registration and completes `initial`
// (default candidate today). No write.
Result<store::NewRow> Prepare(const Deps& d, const account::Principal& who,
                              const DesignationInput& input, std::optional<NewStatus>& initial);
// Inserts a prepared registration on `conn` inside the caller's transaction (kConflict for a
// duplicate); `audit` false leaves the audit entry to the caller (an import writes one entry).
Result<int64_t> RegisterIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           const store::NewRow& row, const NewStatus& first, bool audit);

}  // namespace ruralec::designation::internal
