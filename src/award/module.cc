#include "award/module.h"

#include "award/api/award_handlers.h"
#include "award/cli/award_command.h"
#include "award/undo_check.h"
#include "award/words.h"
#include "award/work_items.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::award {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "award";
    m.title = "奖补";
    m.depends = {"programme",  "sales",    "entity",   "station", "designation",
                 "households", "training", "matching", "region",  "account"};
    m.tables = {"award_lists", "award_lines", "award_payable_items"};
    m.permissions = {
        {"award:read", "查看奖补清单", {"county_staff", "finance_staff", "auditor"}},
        {"award:evaluate", "测算奖补", {"county_staff", "finance_staff"}},
        {"award:propose", "提交奖补清单", {"county_staff"}},
        {"award:approve", "审核奖补清单", {"finance_staff"}},
    };
    auto dict = [](const char* name, const auto& table, const char* title) {
      runtime::Dict d{name, {}, nullptr, title};
      for (const auto& [value, label] : table) d.entries.push_back({value, label});
      return d;
    };
    m.dicts = {dict("award_metrics", MetricLabels(), "奖补指标"),
               dict("award_subjects", SubjectLabels(), "奖补对象"),
               {"award_line_status",
                {{"payable", "应付"},
                 {"needs_local_setting", "待地方设定"},
                 {"already_awarded", "已获一次性奖励"},
                 {"beyond_quota", "超出择优名额"}},
                nullptr,
                "奖补明细状态"}};
    m.audit_actions = {{"award.list.create", "生成奖补清单"},
                       {"award.list.propose", "提交奖补清单"},
                       {"award.list.approve", "审核奖补清单"},
                       {"award.list.export", "导出奖补清单"},
                       {"award.list.publish", "公示奖补清单"}};
    // Records a list that left draft explains cannot be removed by undoing their import.
    m.import_dependents = {
        runtime::ReferencesTo(
            "entities", "经营主体",
            {{"SELECT COUNT(*) FROM award_lines WHERE subject_kind IN "
              "('entity', 'export') AND subject_id",
              "条奖补明细"},
             {"SELECT COUNT(*) FROM award_lines WHERE payee_entity_id", "条奖补明细（收款主体）"}}),
        {"sales", CheckSalesUnused},
        {"station_records", CheckStationRecordsUnused},
        {"station_events", CheckStationEventsUnused}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock());
    };
    m.work = WorkProviders();
    m.commands = AddAwardCommands;
    return m;
  }();
  return m;
}

}  // namespace ruralec::award
