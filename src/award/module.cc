#include "award/module.h"

#include "award/api/award_handlers.h"
#include "award/cli/award_command.h"
#include "award/words.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::award {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "award";
    m.title = "奖补";
    m.depends = {"programme",  "sales",    "entity", "station", "designation",
                 "households", "training", "region", "account"};
    m.tables = {"award_lists", "award_lines", "award_payable_items"};
    m.permissions = {
        {"award:read", "查看奖补清单", {"county_staff", "finance_staff", "auditor"}},
        {"award:evaluate", "测算奖补", {"county_staff", "finance_staff"}},
        {"award:propose", "提交奖补清单", {"county_staff"}},
        {"award:approve", "审核奖补清单", {"finance_staff"}},
    };
    auto dict = [](const char* name, const auto& table) {
      runtime::Dict d{name, {}, nullptr};
      for (const auto& [value, label] : table) d.entries.push_back({value, label});
      return d;
    };
    m.dicts = {dict("award_metrics", MetricLabels()),
               dict("award_subjects", SubjectLabels()),
               {"award_line_status",
                {{"payable", "应付"},
                 {"needs_local_setting", "待地方设定"},
                 {"already_awarded", "已获一次性奖励"}},
                nullptr}};
    m.audit_actions = {{"award.list.create", "生成奖补清单"},
                       {"award.list.propose", "提交奖补清单"},
                       {"award.list.approve", "审核奖补清单"},
                       {"award.list.export", "导出奖补清单"},
                       {"award.list.publish", "公示奖补清单"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock());
    };
    m.commands = AddAwardCommands;
    return m;
  }();
  return m;
}

}  // namespace ruralec::award
