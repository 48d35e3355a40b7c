#include "station/module.h"

#include "entity/entity.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"
#include "station/api/station_handlers.h"
#include "station/cli/station_command.h"
#include "station/indicators.h"
#include "station/station.h"
#include "station/station_store.h"
#include "station/undo.h"
#include "station/work_items.h"

namespace ruralec::station {
namespace {

std::vector<runtime::DictEntry> Entries(std::string_view dict) {
  std::vector<runtime::DictEntry> out;
  for (const auto& v : Builtin(dict)) out.push_back({v.value, v.label});
  return out;
}

// A dictionary counties extend in station_dict_entries (字典管理 and /stations/dicts/…).
runtime::Dict Extensible(const std::string& name, const std::string& title) {
  return {name, Entries(name), nullptr, title,
          runtime::OwnTableExtension<DictValue>("station:dict:edit", name, store::DictEntries,
                                                store::AddDictEntry, store::SetDictEntryDisabled)};
}

// A station_operator account acts for one station inside the account's region (item 8).
Status CheckBindable(storage::Connection& conn, const RegionCode& user_region, int64_t id) {
  auto s = store::Get(conn, id);
  if (!s.ok() && s.error().code == ErrorCode::kNotFound)
    return Error::Invalid("binding", "绑定的服务站点不存在");
  if (!s.ok()) return s.take_error();
  if (!user_region.Contains(s->region))
    return Error::Invalid("binding", "绑定的服务站点不在该账号的所属区划内");
  return {};
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "station";
    m.title = "乡村电商服务站点";
    m.depends = {"region", "account", "entity", "programme", "attachments", "households"};
    m.tables = {"stations",
                "station_status_changes",
                "station_dict_entries",
                "station_service_records",
                "station_service_events",
                "station_assessment_templates",
                "station_assessment_items",
                "station_assessments",
                "station_assessment_scores"};
    m.permissions = {
        {"station:read",
         "查看辖区内的服务站点",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"station:read:own", "查看本人运营的服务站点（账号绑定的站点）", {"station_operator"}},
        {"station:read:operated",
         "查看本企业承办的服务站点（承办企业账号）",
         {"entity", "operator_company"}},
        {"station:edit", "登记、修改服务站点及变更状态", {"county_staff", "town_staff"}},
        {"station:import", "导入服务站点台账", {"county_staff", "town_staff"}},
        {"station:dict:edit", "维护站点配套设施和服务项目字典", {"county_staff"}},
        {"station:record:edit",
         "填报和更正站点服务记录（运营人员限本人站点）",
         {"county_staff", "town_staff", "station_operator"}},
        {"station:record:import",
         "导入站点服务记录（承办企业限本企业承办的站点）",
         {"county_staff", "town_staff", "operator_company"}},
        {"station:assess",
         "考核服务站点及处理不合格站点（整改、退出）",
         {"county_staff", "town_staff"}},
        {"station:assess:template", "设定站点考核模板（县级设置）", {"county_staff"}},
        {"station:file:add",
         "上传站点门头照片和承办协议（运营人员限本人站点）",
         {"county_staff", "town_staff", "station_operator"}},
    };
    // The built-in entries; with a county's additions also GET /stations/dicts/{name}.
    m.dicts = {Extensible("station_facilities", "站点配套设施"),
               Extensible("station_services", "站点服务项目"),
               Extensible("station_record_items", "站点服务记录事项"),
               {"station_levels",
                {{"town", "镇级综合服务站"}, {"village", "村级服务点"}},
                nullptr,
                "服务站点层级"},
               {"station_statuses",
                {{"planned", "规划中"},
                 {"building", "建设中"},
                 {"operating", "运营中"},
                 {"suspended", "暂停运营"},
                 {"exited", "已退出"}},
                nullptr,
                "服务站点状态"}};
    m.audit_actions = {{"station.create", "登记服务站点"},
                       {"station.update", "修改服务站点"},
                       {"station.status", "变更服务站点状态"},
                       {"station.import", "导入服务站点"},
                       {"station.dict.add", "添加站点字典项"},
                       {"station.records", "填报站点服务记录"},
                       {"station.records.import", "导入站点服务记录"},
                       {"station.event", "记录站点单笔服务"},
                       {"station.event.void", "作废站点单笔服务记录"},
                       {"station.events.import", "导入站点单笔服务记录"},
                       {"station.assessment.template", "设定站点考核模板"},
                       {"station.assessment", "考核服务站点"},
                       {"station.assessment.followup", "站点考核后续处理"},
                       {"station.file.add", "上传站点照片或承办协议"},
                       {"station.file.download", "查看站点照片或承办协议"}};
    m.indicators = indicators::Sources();
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM stations WHERE operator_entity_id", "个服务站点（承办企业）"}})};
    m.import_undo = {{"station_records", "站点服务记录", "station:record:import", RecordBatchIds,
                      UndoRecordBatch},
                     {"station_events", "站点单笔服务记录", "station:record:import", EventBatchIds,
                      UndoEventBatch}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher()});
    };
    m.commands = AddStationCommands;
    m.role_bindings = {{"station_operator", "station", CheckBindable},
                       {"operator_company", "entity", entity::CheckBindable}};
    m.work = WorkProviders();
    return m;
  }();
  return m;
}

}  // namespace ruralec::station
