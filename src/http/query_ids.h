// The `ids` query parameter of lists and exports: the rows a user ticked (导出选中). A handler
// adds them to its filter (storage::IdsIn), so the caller's scope and the other filters still
// apply: an id outside them is simply not in the answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/server.h"

namespace ruralec::http {

inline constexpr size_t kMaxQueryIds = 1000;

// A comma-separated list of ids (each as ParseId, e.g. `ids=3,8,21`; duplicates dropped, at most
// kMaxQueryIds); absent or empty: an empty list. Anything else is kInvalidArgument naming `name`.
Result<std::vector<int64_t>> QueryIds(const Request& req, const std::string& name = "ids");

}  // namespace ruralec::http
