#include "entity/module.h"

#include "entity/api/entity_handlers.h"
#include "entity/cli/entity_command.h"
#include "entity/entity.h"
#include "entity/undo.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::entity {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "entity";
    m.title = "经营主体";
    m.depends = {"region", "account", "imports"};
    m.tables = {"entities", "entity_shops", "brands"};
    m.permissions = {
        {"entity:read",
         "查看经营主体、网店、品牌",
         {"county_staff", "finance_staff", "town_staff", "entity", "auditor"}},
        {"entity:edit", "登记和修改经营主体", {"county_staff", "town_staff"}},
        {"entity:dict:edit", "维护本县的网店平台字典", {"county_staff"}},
    };
    m.dicts = {{"entity_kinds",
                {{"enterprise", "企业"},
                 {"cooperative", "合作社"},
                 {"family_farm", "家庭农场"},
                 {"individual_business", "个体工商户"},
                 {"operator", "运营服务商"}},
                nullptr,
                "经营主体类型"},
               // Shop and ledger platforms: counties add theirs (字典管理, generic store).
               {"platforms",
                {{"淘宝", "淘宝"},
                 {"天猫", "天猫"},
                 {"京东", "京东"},
                 {"拼多多", "拼多多"},
                 {"抖音", "抖音"},
                 {"快手", "快手"},
                 {"微信小程序", "微信小程序"},
                 {"美团", "美团"},
                 {"1688", "1688"},
                 {"其他", "其他"}},
                nullptr,
                "网店平台",
                runtime::DictExtension{"entity:dict:edit"}}};
    m.audit_actions = {{"entity.create", "登记经营主体"},   {"entity.update", "修改经营主体"},
                       {"entity.shop.create", "登记网店"},  {"entity.shop.update", "修改网店"},
                       {"entity.brand.create", "登记品牌"}, {"entity.brand.update", "修改品牌"},
                       {"entity.import", "导入经营主体"}};
    m.import_undo = {{"entities", "经营主体", "entity:edit", BatchEntityIds, RemoveBatch}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock(), c.cipher());
    };
    m.commands = AddEntityCommands;
    m.role_bindings = {{"entity", "entity", CheckBindable}};
    return m;
  }();
  return m;
}

}  // namespace ruralec::entity
