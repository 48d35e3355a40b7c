#include "entity/module.h"

#include "entity/api/entity_handlers.h"
#include "entity/cli/entity_command.h"
#include "entity/entity.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::entity {
namespace {

// An `entity` account acts for one business inside the account's region (issue 15 item 4).
Status CheckBindable(storage::Connection& conn, const RegionCode& user_region, int64_t id) {
  auto e = Get(conn, id);
  if (!e.ok() && e.error().code == ErrorCode::kNotFound)
    return Error::Invalid("binding", "绑定的经营主体不存在");
  if (!e.ok()) return e.take_error();
  if (!user_region.Contains(e->region))
    return Error::Invalid("binding", "绑定的经营主体不在该账号的所属区划内");
  return {};
}

}  // namespace

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
    };
    m.dicts = {{"entity_kinds",
                {{"enterprise", "企业"},
                 {"cooperative", "合作社"},
                 {"family_farm", "家庭农场"},
                 {"individual_business", "个体工商户"},
                 {"operator", "运营服务商"}},
                nullptr}};
    m.audit_actions = {{"entity.create", "登记经营主体"},   {"entity.update", "修改经营主体"},
                       {"entity.shop.create", "登记网店"},  {"entity.shop.update", "修改网店"},
                       {"entity.brand.create", "登记品牌"}, {"entity.brand.update", "修改品牌"},
                       {"entity.import", "导入经营主体"}};
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
