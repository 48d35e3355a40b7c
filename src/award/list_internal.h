// Shared by list_store.cc and approve.cc (not part of the module's contract).
#pragma once

#include "award/lists.h"

namespace ruralec::award::internal {

Result<ListInfo> LoadList(storage::Connection& conn, int64_t id);
// Lines of a list in line order, explanations decoded; `payable_only`: status payable.
Result<std::vector<StoredLine>> LoadLines(storage::Connection& conn, int64_t list_id,
                                          bool payable_only);

}  // namespace ruralec::award::internal
