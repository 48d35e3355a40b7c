#include "dashboard/module.h"

#include "dashboard/api/boundary_handlers.h"
#include "dashboard/api/dashboard_handlers.h"
#include "dashboard/cli/dashboard_command.h"
#include "dashboard/refresher.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::dashboard {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "dashboard";
    m.title = "统计监测大屏";
    m.depends = {"region", "programme", "funds"};
    m.permissions = {
        {"dashboard:read",
         "查看统计监测大屏与统计报送包",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"dashboard:boundary:edit", "上传本县边界图（大屏分区着色）", {"county_staff"}}};
    m.tables = {"dashboard_boundaries", "dashboard_summaries"};
    m.audit_actions = {{"dashboard.package.export", "导出统计报送包"},
                       {"dashboard.boundary.upload", "上传本县边界图"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      Deps d{c.db(), c.indicators(), c.clock(), {c.db(), c.audit(), c.clock(), c.record_mac()}};
      // Re-measures the stored county figures the change feed marks, while the routes live.
      auto refresher = std::make_shared<ChangeRefresher>(c.db(), c.indicators(), c.clock());
      api::RegisterRoutes(s, d, refresher);
      api::RegisterBoundaryRoutes(s, BoundaryDeps{c.db(), c.audit(), c.clock()});
    };
    m.commands = [](CLI::App& app, const runtime::CommandEnv& env) {
      AddDashboardCommands(app, env);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::dashboard
