// Pieces of the service (service.cc) that the import (import.cc) runs inside its own
// transaction. Internal to the station module.
#pragma once

#include <optional>

#include "station/station.h"

namespace ruralec::station::internal {

// Register() on `conn` inside the caller's transaction; `audit` false leaves the audit entry
// to the caller (an import writes one entry for its batch). Returns the new station's id.
Result<int64_t> RegisterIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           const StationInput& input, const std::optional<NewStatus>& initial,
                           std::optional<int64_t> batch_id, bool audit);

// The station with its names if the caller may see it (station.h View), else kNotFound.
Result<Station> VisibleStation(storage::Connection& conn, const account::Principal& who,
                               int64_t id);

// ChangeStatus() inside the caller's transaction (station:edit, in scope, the machine's rules,
// audited "station.status"): an assessment's confirmed exit uses it.
Status ChangeStatusIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                      int64_t id, const NewStatus& change);

}  // namespace ruralec::station::internal
