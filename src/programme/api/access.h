// Who may see a stored programme over HTTP: a caller sees a programme whose region is inside
// their scope or is an ancestor of their region (Principal::CanSee). Shared by the programme,
// report and attachment routes.
#pragma once

#include <string>

#include "http/params.h"
#include "http/server.h"
#include "programme/evaluate.h"
#include "programme/progress_store.h"

namespace ruralec::programme::api {

// The programme of capture group 1, or kForbidden when it is outside the caller's view.
inline Result<StoredProgramme> VisibleProgramme(storage::Connection& conn,
                                                const http::Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  ASSIGN_OR_RETURN(StoredProgramme sp, GetStoredProgramme(conn, id));
  if (!req.principal().CanSee(sp.region_code)) {
    return Error::Forbidden("方案 " + std::to_string(id) + " 不在您的管辖范围内");
  }
  return sp;
}

// The task number of capture group 2 (400 naming "number" unless a positive integer),
// kNotFound when the stored programme has no such task.
inline Result<int> KnownTask(const StoredProgramme& sp, const http::Request& req) {
  ASSIGN_OR_RETURN(int64_t number, http::PathId(req, 2, "number"));
  ASSIGN_OR_RETURN(auto programme, LoadProgramme(sp, DefaultDivisionDir()));
  for (const auto& t : programme->tasks) {
    if (t.number == number) return t.number;
  }
  return Error::NotFound("方案没有序号为 " + req.Match(2) + " 的任务");
}

}  // namespace ruralec::programme::api
