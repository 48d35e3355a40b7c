#include "designation/module.h"

#include "designation/api/designation_handlers.h"
#include "designation/cli/designation_command.h"
#include "designation/designation.h"
#include "designation/indicators.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::designation {
namespace {

template <typename E, typename Name, typename Label>
std::vector<runtime::DictEntry> Entries(std::initializer_list<E> values, Name name, Label label) {
  std::vector<runtime::DictEntry> out;
  for (E v : values) out.push_back({name(v), label(v)});
  return out;
}

std::vector<runtime::Dict> Dicts() {
  return {
      {"designation_levels",
       Entries({Level::kNational, Level::kProvince, Level::kCity, Level::kCounty}, LevelName,
               LevelLabel),
       nullptr, "示范创建级别"},
      {"designation_kinds",
       Entries({Kind::kCounty, Kind::kTown, Kind::kVillage, Kind::kPoint, Kind::kEnterprise,
                Kind::kPark},
               KindName, KindLabel),
       nullptr, "示范创建类型"},
      {"designation_statuses",
       Entries({State::kCandidate, State::kApplied, State::kRecognised, State::kRevoked},
               StatusName, StatusLabel),
       nullptr, "示范创建状态"},
  };
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "designation";
    m.title = "示范创建";
    m.depends = {"region", "account", "entity", "station", "programme", "imports", "attachments"};
    m.tables = {"designations", "designation_status_changes"};
    m.permissions = {
        {"designation:read",
         "查看辖区内的示范创建",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"designation:edit",
         "登记示范创建、变更状态、上传创建成果档案",
         {"county_staff", "town_staff"}},
    };
    m.dicts = Dicts();
    m.params = {VillageQuotaParam()};
    m.audit_actions = {{"designation.create", "登记示范创建"},
                       {"designation.update", "修改示范创建"},
                       {"designation.status", "变更示范创建状态"},
                       {"designation.file.add", "上传创建成果档案"},
                       {"designation.file.download", "下载创建成果档案"},
                       {"designation.import", "导入示范创建"}};
    m.indicators = indicators::Sources();
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM designations WHERE subject_type = 'entity' AND subject_id",
          "个示范创建"}})};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher(), &c.indicators()});
    };
    m.commands = AddDesignationCommands;
    return m;
  }();
  return m;
}

}  // namespace ruralec::designation
