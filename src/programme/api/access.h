// Who may see a stored programme over HTTP (the same rule as programme_handlers.cc): a caller
// sees a programme whose region is inside their scope or is an ancestor of their region.
#pragma once

#include <string>

#include "http/server.h"
#include "programme/progress_store.h"

namespace ruralec::programme::api {

inline bool Visible(const account::Principal& who, const std::string& region_code) {
  auto code = RegionCode::Parse(region_code);
  if (!code.ok()) return false;
  return who.InScope(*code) || code->Contains(who.region);
}

// The integer in capture group `i` of the route, kInvalidArgument naming `field` otherwise.
inline Result<int64_t> PathInt(const http::Request& req, size_t i, const std::string& field) {
  try {
    return std::stoll(req.Match(i));
  } catch (...) {
    return Error::Invalid(field, "编号无效");
  }
}

// The programme of capture group 1, or kForbidden when it is outside the caller's view.
inline Result<StoredProgramme> VisibleProgramme(storage::Connection& conn,
                                                const http::Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathInt(req, 1, "id"));
  ASSIGN_OR_RETURN(StoredProgramme sp, GetStoredProgramme(conn, id));
  if (!Visible(req.principal(), sp.region_code)) {
    return Error::Forbidden("方案 " + std::to_string(id) + " 不在您的管辖范围内");
  }
  return sp;
}

}  // namespace ruralec::programme::api
