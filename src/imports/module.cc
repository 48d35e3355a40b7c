#include "imports/module.h"

namespace ruralec::imports {

// No routes, commands or permissions of its own: the importing modules (entity, sales) register
// their upload routes and `import` commands with imports/api and imports/cli, under their own
// permissions. It owns the batch log and the kept error workbooks.
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "imports";
    m.title = "表格导入";
    m.depends = {"account", "audit"};
    m.tables = {"import_batches", "import_error_reports"};
    return m;
  }();
  return m;
}

}  // namespace ruralec::imports
