#include "projects/module.h"

#include "http/server.h"
#include "projects/api/findings_handlers.h"
#include "projects/api/projects_handlers.h"
#include "projects/projects.h"
#include "projects/work_items.h"
#include "runtime/context.h"

namespace ruralec::projects {
namespace {

std::vector<runtime::DictEntry> TypeEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& t : Types()) out.push_back({t.code, t.label});
  return out;
}

std::vector<runtime::DictEntry> FindingSourceEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& s : FindingSources()) out.push_back({s.code, s.label});
  return out;
}

std::vector<runtime::DictEntry> FindingStatusEntries() {
  std::vector<runtime::DictEntry> out;
  for (auto s : {FindingStatus::kOpen, FindingStatus::kSubmitted, FindingStatus::kClosed})
    out.push_back({FindingStatusName(s), FindingStatusLabel(s)});
  return out;
}

std::vector<runtime::DictEntry> StateEntries() {
  std::vector<runtime::DictEntry> out;
  for (State s : AllStates()) out.push_back({StateName(s), StateLabel(s)});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "projects";
    m.title = "项目申报评审验收";
    m.depends = {"region", "account", "calendar", "attachments", "funds", "audit"};
    m.tables = {"projects",         "project_transitions",   "project_deadlines",
                "project_findings", "project_finding_moves", "project_material_sets"};
    m.permissions = {
        {"projects:read",
         "查看辖区内的项目申报、评审、验收和期限",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"projects:edit",
         "登记项目申报、上传申报材料、提交和申请验收",
         {"county_staff", "town_staff"}},
        {"projects:review",
         "初审、评审、验收、评估、整改、审批、拨付和归档项目",
         {"county_staff", "finance_staff"}},
    };
    m.dicts = {{"project_types", TypeEntries(), nullptr, "项目类型"},
               {"project_statuses", StateEntries(), nullptr, "项目状态"},
               {"finding_sources", FindingSourceEntries(), nullptr, "问题来源"},
               {"finding_statuses", FindingStatusEntries(), nullptr, "整改状态"}};
    m.audit_actions = {{"projects.create", "登记项目申报"},
                       {"projects.transition", "项目流程操作"},
                       {"projects.file.add", "上传项目材料"},
                       {"projects.file.download", "下载项目材料"},
                       {"projects.finding", "登记问题清单"},
                       {"projects.finding_move", "问题整改操作"},
                       {"projects.materials", "设置申报材料清单"},
                       {"projects.finding_file.add", "上传整改佐证材料"},
                       {"projects.finding_file.download", "下载整改佐证材料"}};
    m.work = WorkProviders();
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock()});
      api::RegisterFindingRoutes(s, Deps{c.db(), c.audit(), c.clock()});
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::projects
