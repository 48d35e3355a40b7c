#include "imports/module.h"

#include "http/server.h"
#include "imports/api/batch_routes.h"
#include "imports/api/upload.h"
#include "imports/params.h"
#include "runtime/context.h"

namespace ruralec::imports {

// No commands or permissions of its own: the importing modules (entity, sales, station,
// designation) register their upload routes and `import` commands with imports/api and
// imports/cli, under their own permissions, and name the read permission of their kinds'
// error workbooks (imports::api::SetReadPermission). It owns the batch log and the kept error
// workbooks, and serves their one download route, GET /imports/errors/{id}.
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "imports";
    m.title = "表格导入";
    m.depends = {"account", "audit"};
    m.tables = {"import_batches", "import_error_reports"};
    m.audit_actions = {{"import.undo", "撤销导入批次"}};
    m.params = {MaxRowsParam()};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterErrorRoute(s, {c.db(), c.clock(), c.cipher(), c.audit()});
      api::RegisterBatchRoutes(s, c);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::imports
