#include "logistics/module.h"

#include "http/server.h"
#include "logistics/api/plan_handlers.h"
#include "runtime/context.h"

namespace ruralec::logistics {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "logistics";
    m.title = "物流配送";
    m.tables = {"logistics_plans"};
    m.permissions = {
        {"logistics:plan:read",
         "查看配送计划",
         {"county_staff", "town_staff", "driver", "auditor"}},
        {"logistics:plan:create", "编制配送计划", {"county_staff", "town_staff"}},
    };
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.clock());
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::logistics
