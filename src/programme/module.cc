#include "programme/module.h"

#include "http/server.h"
#include "programme/api/local_handlers.h"
#include "programme/api/programme_handlers.h"
#include "programme/cli/programme_command.h"
#include "programme/cli/report_command.h"
#include "programme/indicators.h"
#include "programme/work_items.h"
#include "runtime/context.h"

namespace ruralec::programme {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "programme";
    m.title = "实施方案";
    m.depends = {"region", "attachments"};
    m.tables = {"programmes", "programme_task_notes", "programme_local_changes"};
    m.permissions = {
        {"programme:read",
         "查看实施方案与进度",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"programme:edit", "上传方案、填报任务进展", {"county_staff"}},
        {"programme:task:report",
         "填报任务进展（乡镇工作人员填报本乡镇牵头的任务）",
         {"county_staff", "town_staff"}},
        {"programme:local:edit", "填报方案的地方设定（分档、金额、比例、门槛）", {"county_staff"}},
        {"programme:local:approve", "审核他人提交的地方设定", {"county_staff", "finance_staff"}},
    };
    m.audit_actions = {{"programme.load", "载入方案"},
                       {"programme.task.note", "填报任务进展"},
                       {"programme.task.attachment", "上传附件"},
                       {"programme.attachment.download", "下载附件"},
                       {"programme.report.export", "导出季度报告"},
                       {"programme.export", "导出方案文件"},
                       {"programme.edit", "在线编辑方案"},
                       {"programme.local.submit", "提交地方设定"},
                       {"programme.local.approve", "审核地方设定"}};
    m.work = WorkProviders();
    m.indicator_catalogue = PlannedSource;
    m.indicator_unit = BaseUnitOf;
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock(), c.indicators());
      api::RegisterLocalRoutes(s, c.db(), c.audit(), c.clock());
    };
    m.commands = [](CLI::App& app, const runtime::CommandEnv& env) {
      AddProgrammeCommands(app, env);
      AddReportCommands(app, env);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::programme
