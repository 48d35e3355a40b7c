#include "sales/module.h"

#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"
#include "sales/api/sales_handlers.h"
#include "sales/cli/sales_command.h"
#include "sales/indicators/sales_indicators.h"
#include "sales/params.h"
#include "sales/undo.h"
#include "sales/work_items.h"

namespace ruralec::sales {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "sales";
    m.title = "网络销售额台账";
    m.depends = {"region", "account", "entity", "imports", "programme"};
    m.tables = {"sales_records"};
    m.work = WorkProviders();
    m.permissions = {
        {"sales:read",
         "查看网络销售额",
         {"county_staff", "finance_staff", "town_staff", "entity", "auditor"}},
        {"sales:summary",
         "查看网络销售额汇总、排名和达标名单",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"sales:edit", "登记和更正网络销售额", {"county_staff", "town_staff", "entity"}},
        {"sales:import", "导入网络销售额和经营主体", {"county_staff", "town_staff"}},
        {"sales:dict:edit", "维护本县的产品品类字典", {"county_staff"}},
    };
    // product_categories: the ledger's category column; counties add theirs (字典管理).
    m.dicts = {
        {"sales_directions", {{"uplink", "上行"}, {"downlink", "下行"}}, nullptr, "销售方向"},
        {"product_categories",
         {{"粮油", "粮油"},
          {"果蔬", "果蔬"},
          {"畜禽肉蛋", "畜禽肉蛋"},
          {"水产", "水产"},
          {"茶叶", "茶叶"},
          {"中药材", "中药材"},
          {"农副加工品", "农副加工品"},
          {"手工艺品", "手工艺品"},
          {"日用品", "日用品"},
          {"其他", "其他"}},
         nullptr,
         "产品品类",
         runtime::DictExtension{"sales:dict:edit"}}};
    m.params = {DefaultYearParam()};
    m.audit_actions = {{"sales.record", "登记网络销售额"},
                       {"sales.correct", "更正网络销售额"},
                       {"sales.import", "导入网络销售额"}};
    m.indicator_groups = {indicators::Group()};
    m.import_undo = {{"sales", "网络销售额", "sales:import", BatchRecordIds, VoidBatch}};
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM sales_records WHERE entity_id", "条网络销售额"}})};
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
