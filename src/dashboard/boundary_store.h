// The dashboard module's only SQL: its table dashboard_boundaries.
#pragma once

#include <optional>

#include "dashboard/boundary.h"

namespace ruralec::dashboard::store {

Status PutBoundary(storage::Connection& conn, const Boundary& b);
Result<std::optional<Boundary>> GetBoundary(storage::Connection& conn, const std::string& county);

}  // namespace ruralec::dashboard::store
