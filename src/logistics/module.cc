#include "logistics/module.h"

#include "http/server.h"
#include "logistics/api/coverage_handlers.h"
#include "logistics/api/daily_plan_handlers.h"
#include "logistics/api/network_handlers.h"
#include "logistics/api/plan_handlers.h"
#include "logistics/cli/parcels_command.h"
#include "logistics/cli/report_command.h"
#include "logistics/cold_chain.h"
#include "logistics/daily_plan.h"
#include "logistics/indicators.h"
#include "logistics/network.h"
#include "runtime/context.h"

namespace ruralec::logistics {
namespace {

std::vector<runtime::DictEntry> CarrierEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& c : BuiltinCarriers()) out.push_back({c.value, c.label});
  return out;
}

std::vector<runtime::DictEntry> ColdKindEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& k : BuiltinColdKinds()) out.push_back({k.value, k.label});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "logistics";
    m.title = "物流配送";
    m.depends = {"region", "station", "settings", "imports"};
    m.tables = {"logistics_plans",         "logistics_nodes",       "logistics_vehicles",
                "logistics_lines",         "logistics_line_stops",  "logistics_waybills",
                "logistics_scan_events",   "logistics_pickups",     "logistics_daily_plans",
                "logistics_daily_routes",  "logistics_daily_stops", "logistics_stop_confirmations",
                "logistics_cold_resources"};
    m.permissions = {
        {"logistics:plan:read",
         "查看配送计划",
         {"county_staff", "town_staff", "driver", "auditor"}},
        {"logistics:plan:create", "编制配送计划", {"county_staff", "town_staff"}},
        {"logistics:plan:publish", "发布每日共配计划", {"county_staff", "town_staff"}},
        {"logistics:pickup:edit", "登记上行揽收需求", {"county_staff", "town_staff"}},
        {"logistics:network:read",
         "查看物流网络（网点、车辆、线路、冷链资源）",
         {"county_staff", "town_staff", "driver", "auditor"}},
        {"logistics:network:edit",
         "维护物流网络（网点、车辆、线路、冷链资源）",
         {"county_staff", "town_staff"}},
        {"logistics:dict:edit", "维护本县的快递公司和冷链资源类型字典", {"county_staff"}},
        {"logistics:parcel:read",
         "查看辖区内的快递运单和扫描记录",
         {"county_staff", "town_staff", "driver", "auditor"}},
        {"logistics:parcel:ingest",
         "录入和导入快递扫描记录",
         {"county_staff", "town_staff", "driver"}},
    };
    // Carriers: counties add theirs (字典管理, the settings module's generic store).
    m.dicts = {{"logistics_carriers", CarrierEntries(), nullptr, "快递公司",
                runtime::DictExtension{"logistics:dict:edit"}},
               // Cold-chain resource kinds: counties add theirs (the same generic store).
               {"logistics_cold_kinds", ColdKindEntries(), nullptr, "冷链资源类型",
                runtime::DictExtension{"logistics:dict:edit"}},
               {"logistics_node_levels",
                {{"county_centre", "县级物流配送中心"},
                 {"town_hub", "镇级快递物流中转站"},
                 {"village_point", "村级物流服务点"}},
                nullptr,
                "物流网点级别"},
               {"logistics_scan_types",
                {{"accepted", "揽收"},
                 {"dispatched", "发往"},
                 {"arrived", "到达"},
                 {"out_for_delivery", "派送"},
                 {"stored", "入柜/驿站"},
                 {"signed", "签收"},
                 {"problem", "问题件"},
                 {"returned", "退回"}},
                nullptr,
                "快递扫描类型"}};
    m.audit_actions = {{"logistics.node.create", "登记物流网点"},
                       {"logistics.node.update", "修改物流网点"},
                       {"logistics.vehicle.create", "登记配送车辆"},
                       {"logistics.vehicle.update", "修改配送车辆"},
                       {"logistics.line.create", "登记配送线路"},
                       {"logistics.line.update", "修改配送线路"},
                       {"logistics.cold_resource.create", "登记冷链资源"},
                       {"logistics.cold_resource.update", "修改冷链资源"},
                       {"logistics.scan", "录入快递扫描"},
                       {"logistics.scans.import", "导入快递扫描记录"},
                       {"logistics.pickup.create", "登记揽收需求"},
                       {"logistics.daily_plan.create", "编制每日共配计划"},
                       {"logistics.daily_plan.move", "调整共配计划站点"},
                       {"logistics.daily_plan.lock", "锁定/解锁共配线路"},
                       {"logistics.daily_plan.resolve", "围绕锁定线路重新求解共配计划"},
                       {"logistics.daily_plan.publish", "发布每日共配计划"},
                       {"logistics.stop.confirm", "司机确认站点"}};
    m.params = {RoadFactorParam(), SpeedParam(), ParcelKgParam()};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.clock());
      Deps d{c.db(), c.audit(), c.clock(), c.cipher()};
      api::RegisterNetworkRoutes(s, d);
      api::RegisterColdChainRoutes(s, d);
      api::RegisterParcelRoutes(s, d);
      api::RegisterCoverageRoutes(s, d);
      api::RegisterDailyPlanRoutes(s, d);
    };
    m.indicators = indicators::Sources();
    m.commands = [](CLI::App& app, const runtime::CommandEnv& env) {
      AddParcelCommands(app, env);
      AddLogisticsCommands(app, env);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::logistics
