// Selected rows as a filter: `column IN (?, …)` over a list of ids (the rows a user ticked in a
// list, for 导出选中). Added to a query's other conditions, so it narrows the scope and filters
// already there and never widens them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/where.h"

namespace ruralec::storage {

// Adds `column IN (?, …)` over `ids` to `w`; nothing when `ids` is empty (an optional filter).
Where& IdsIn(Where& w, std::string_view column, const std::vector<int64_t>& ids);

}  // namespace ruralec::storage
