#include "region/module.h"

#include "http/server.h"
#include "region/api/region_handlers.h"
#include "region/cli/regions_command.h"
#include "region/region.h"
#include "runtime/context.h"

namespace ruralec::region {
namespace {

Result<std::vector<runtime::DictEntry>> TagLabels(runtime::Context& ctx) {
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(auto defs, ListTagDefs(*conn));
  std::vector<runtime::DictEntry> out;
  for (const auto& d : defs) out.push_back({d.name, d.label});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "region";
    m.title = "行政区划";
    m.tables = {"regions", "region_tag_defs", "region_tags"};
    m.permissions = {
        {"region:read",
         "查看区划",
         {"system_admin", "security_admin", "audit_admin", "county_staff", "finance_staff",
          "town_staff", "station_operator", "entity", "trainer", "driver", "auditor"}},
        {"region:import", "导入区划", {"system_admin"}},
        {"region:tag:define", "新增区划标签", {"system_admin", "county_staff"}},
        {"region:tag:edit", "修改区划标签", {"county_staff", "town_staff"}},
    };
    m.dicts = {{"region_levels",
                {{"province", "省"},
                 {"city", "市"},
                 {"county", "县(区)"},
                 {"town", "乡镇(街道)"},
                 {"village", "村(社区)"}},
                nullptr,
                "区划层级"},
               {"region_tags", {}, TagLabels, "区划标签"}};
    m.audit_actions = {{"region.tags.update", "修改区划标签"},
                       {"region.tag.define", "新增标签"},
                       {"region.import", "导入区划"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock());
    };
    m.commands = AddRegionsCommand;
    return m;
  }();
  return m;
}

}  // namespace ruralec::region
