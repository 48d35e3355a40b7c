// Safe ORDER BY for paginated lists: the caller's sort field must be one the list allows, so no
// user text ever reaches the SQL. A unique tie-breaker keeps pages stable.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/page.h"
#include "core/result.h"

namespace ruralec::storage {

// `allowed` maps API field names to SQL expressions; the first entry is the default order.
inline Result<std::string> OrderBy(const PageRequest& page,
                                   const std::vector<std::pair<std::string, std::string>>& allowed,
                                   const std::string& tie_breaker) {
  std::string column = allowed.front().second;
  if (!page.sort.empty()) {
    auto it = std::find_if(allowed.begin(), allowed.end(),
                           [&](const auto& kv) { return kv.first == page.sort; });
    if (it == allowed.end()) return Error::Invalid("sort", "不支持按 " + page.sort + " 排序");
    column = it->second;
  }
  std::string dir = page.descending ? " DESC" : " ASC";
  return " ORDER BY " + column + dir + ", " + tie_breaker + dir;
}

}  // namespace ruralec::storage
