// Import batches (导入批次, issue 26 item 10; docs/API.md "Import batches"):
//   GET  /imports/batches?kind=     the caller's own batches and, for a county-level holder of
//                                   a kind's import permission, every batch of that kind in the
//                                   county (newest first, paged)
//   POST /imports/batches/{id}/undo undo through the importing module's runtime::ImportUndo
#pragma once

#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::imports::api {

void RegisterBatchRoutes(http::Server& s, runtime::Context& ctx);

}  // namespace ruralec::imports::api
