#include "sales/module.h"

#include "http/server.h"
#include "runtime/context.h"
#include "sales/api/sales_handlers.h"
#include "sales/cli/sales_command.h"
#include "sales/indicators/sales_indicators.h"

namespace ruralec::sales {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "sales";
    m.title = "网络销售额台账";
    m.depends = {"region", "account", "entity", "imports", "programme"};
    m.tables = {"sales_records"};
    m.permissions = {
        {"sales:read",
         "查看网络销售额",
         {"county_staff", "finance_staff", "town_staff", "entity", "auditor"}},
        {"sales:summary",
         "查看网络销售额汇总、排名和达标名单",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"sales:edit", "登记和更正网络销售额", {"county_staff", "town_staff", "entity"}},
        {"sales:import", "导入网络销售额和经营主体", {"county_staff", "town_staff"}},
    };
    m.dicts = {{"sales_directions", {{"uplink", "上行"}, {"downlink", "下行"}}, nullptr}};
    m.audit_actions = {{"sales.record", "登记网络销售额"},
                       {"sales.correct", "更正网络销售额"},
                       {"sales.import", "导入网络销售额"}};
    m.indicator_groups = {indicators::Group()};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock(), c.cipher());
    };
    m.commands = AddSalesCommands;
    api::ExtendEntityRoutes();
    return m;
  }();
  return m;
}

}  // namespace ruralec::sales
