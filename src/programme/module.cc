#include "programme/module.h"

#include "http/server.h"
#include "programme/api/programme_handlers.h"
#include "programme/cli/programme_command.h"
#include "programme/cli/report_command.h"
#include "programme/indicators.h"
#include "runtime/context.h"

namespace ruralec::programme {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "programme";
    m.title = "实施方案";
    m.depends = {"region"};
    m.tables = {"programmes", "programme_task_notes", "programme_task_attachments"};
    m.permissions = {
        {"programme:read",
         "查看实施方案与进度",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"programme:edit", "上传方案、填报任务进展", {"county_staff"}},
    };
    m.audit_actions = {{"programme.load", "载入方案"},
                       {"programme.task.note", "填报任务进展"},
                       {"programme.task.attachment", "上传附件"},
                       {"programme.attachment.download", "下载附件"},
                       {"programme.report.export", "导出季度报告"}};
    m.indicator_catalogue = PlannedSource;
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock(), c.indicators());
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
