// Conditions over a list of ids, bounded per statement: `head IN (?, …) tail` with at most
// kIdsPerStatement parameters each time, the ids deduplicated.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "storage/db.h"

namespace ruralec::storage {

inline constexpr size_t kIdsPerStatement = 500;

// Calls `fn(sql, params)` once per chunk of the distinct ids; sql = head + " IN (?, …)" + tail.
template <typename Fn>
Status ForIdChunks(const std::string& head, std::vector<int64_t> ids, const std::string& tail,
                   Fn fn) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (size_t i = 0; i < ids.size(); i += kIdsPerStatement) {
    size_t n = std::min(kIdsPerStatement, ids.size() - i);
    std::string sql = head + " IN (?";
    for (size_t k = 1; k < n; ++k) sql += ", ?";
    Params p(ids.begin() + static_cast<std::ptrdiff_t>(i),
             ids.begin() + static_cast<std::ptrdiff_t>(i + n));
    RETURN_IF_ERROR(fn(sql + ")" + tail, p));
  }
  return {};
}

// The sum over the chunks of the first column of the first row (a COUNT(*) over the ids).
inline Result<int64_t> CountWhereIn(Connection& conn, const std::string& head,
                                    std::vector<int64_t> ids, const std::string& tail = "") {
  int64_t total = 0;
  RETURN_IF_ERROR(ForIdChunks(head, std::move(ids), tail,
                              [&](const std::string& sql, const Params& p) -> Status {
                                ASSIGN_OR_RETURN(auto rows, conn.Query(sql, p));
                                if (!rows.empty()) total += rows[0].Int(0);
                                return {};
                              }));
  return total;
}

// Runs `head IN (…) tail` as a statement for every chunk; returns the rows changed.
inline Result<int64_t> ExecWhereIn(Connection& conn, const std::string& head,
                                   std::vector<int64_t> ids, const std::string& tail = "",
                                   const Params& before = {}) {
  int64_t changed = 0;
  RETURN_IF_ERROR(ForIdChunks(head, std::move(ids), tail,
                              [&](const std::string& sql, const Params& p) -> Status {
                                Params all = before;
                                all.insert(all.end(), p.begin(), p.end());
                                ASSIGN_OR_RETURN(int64_t n, conn.Exec(sql, all));
                                changed += n;
                                return {};
                              }));
  return changed;
}

}  // namespace ruralec::storage
