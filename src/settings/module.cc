#include "settings/module.h"

#include "http/server.h"
#include "runtime/context.h"
#include "settings/api/settings_handlers.h"

namespace ruralec::settings {

// The other modules declare their dictionaries (runtime::Dict, extensible or not) and their
// parameters (runtime::Module::params); this module lists them, keeps the counties' additions
// to dictionaries without a table of their own and every county's parameter values, and serves
// the 系统管理 pages. The permission to add to an extensible dictionary is the owning module's
// (Dict::extension::permission, e.g. entity:dict:edit for platforms).
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "settings";
    m.title = "系统管理";
    m.depends = {"account", "audit"};
    m.tables = {"county_dict_entries", "county_params"};
    m.permissions = {
        {"settings:read",
         "查看字典和本县参数设置",
         {"county_staff", "town_staff", "finance_staff", "auditor"}},
        {"settings:params:edit", "修改本县的参数设置", {"county_staff"}},
    };
    m.audit_actions = {{"dict.entry.add", "新增字典项"},
                       {"dict.entry.disable", "停用字典项"},
                       {"dict.entry.enable", "启用字典项"},
                       {"settings.param.update", "修改参数设置"}};
    m.routes = [](http::Server& s, runtime::Context& c) { api::RegisterRoutes(s, c); };
    return m;
  }();
  return m;
}

}  // namespace ruralec::settings
