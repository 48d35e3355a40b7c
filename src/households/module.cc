#include "households/module.h"

#include "households/api/household_handlers.h"
#include "households/cli/households_command.h"
#include "households/households.h"
#include "households/indicators.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::households {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "households";
    m.title = "贫困户与电商帮扶";
    m.depends = {"region", "account", "entity"};
    m.tables = {"households", "household_helpers", "purchases", "household_employments",
                "household_shops"};
    m.permissions = {
        {"household:read",
         "查看辖区内的贫困户登记簿（乡镇以上显示脱敏姓名）",
         {"county_staff", "town_staff", "auditor"}},
        {"household:edit", "登记、修改贫困户", {"county_staff", "town_staff"}},
        {"household:import", "导入贫困户登记簿", {"county_staff", "town_staff"}},
        {"household:pii",
         "查看贫困户户主姓名和身份证号（逐次审计）",
         {"county_staff", "town_staff"}},
        {"purchase:read",
         "查看收购贫困户、贫困村产品台账",
         {"county_staff", "finance_staff", "town_staff", "auditor", "entity"}},
        {"purchase:edit",
         "登记、更正收购记录（经营主体限本主体）",
         {"county_staff", "town_staff", "entity"}},
        {"purchase:import", "导入收购台账", {"county_staff", "town_staff", "entity"}},
    };
    m.dicts = {
        {"household_statuses",
         {{"registered", "建档立卡贫困户"}, {"lifted", "已脱贫"}, {"monitored", "监测户"}},
         nullptr,
         "贫困户状态"},
        {"household_helper_kinds",
         {{"unit", "帮扶单位"}, {"entity", "经营主体"}, {"grower", "大户"}, {"capable", "能人"}},
         nullptr,
         "帮扶主体类型"},
        {"purchase_seller_kinds",
         {{"household", "农户"}, {"village", "贫困村"}},
         nullptr,
         "收购对象类型"},
        {"purchase_evidence_kinds",
         {{"receipt", "收据"}, {"transfer", "转账凭证"}},
         nullptr,
         "收购凭证类型"}};
    m.audit_actions = {{"household.create", "登记贫困户"},
                       {"household.update", "修改贫困户"},
                       {"household.import", "导入贫困户登记簿"},
                       {"purchase.create", "登记收购记录"},
                       {"purchase.correct", "更正收购记录"},
                       {"purchase.import", "导入收购台账"},
                       {"household.employment.add", "登记贫困户成员就业"},
                       {"household.shop.add", "登记贫困户开设网店"},
                       {"household.employment.end", "登记贫困户成员离职"},
                       {"household.shop.close", "登记贫困户网店关闭"},
                       {"household.employment.import", "导入贫困户成员就业"},
                       {"household.shop.import", "导入贫困户开设网店"}};
    m.indicators = indicators::Sources();
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM household_helpers WHERE entity_id", "条结对帮扶"},
         {"SELECT COUNT(*) FROM purchases WHERE entity_id", "条收购记录"},
         {"SELECT COUNT(*) FROM household_employments WHERE entity_id", "条贫困户就业记录"},
         {"SELECT COUNT(*) FROM household_shops WHERE entity_id", "个贫困户网店"}})};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher()});
    };
    m.commands = AddHouseholdCommands;
    return m;
  }();
  return m;
}

}  // namespace ruralec::households
