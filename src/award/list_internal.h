// Shared by list_store.cc and approve.cc (not part of the module's contract).
#pragma once

#include "award/lists.h"

namespace ruralec::award::internal {

Result<ListInfo> LoadList(storage::Connection& conn, int64_t id);

}  // namespace ruralec::award::internal
