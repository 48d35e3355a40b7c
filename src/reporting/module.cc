#include "reporting/module.h"

#include "http/server.h"
#include "reporting/api/report_handlers.h"
#include "reporting/reporting.h"
#include "reporting/work_items.h"
#include "runtime/context.h"

namespace ruralec::reporting {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "reporting";
    m.title = "指标填报";
    m.depends = {"region", "account", "programme", "attachments"};
    m.tables = {"indicator_reports"};
    m.work = WorkProviders();
    m.permissions = {
        {"report:read",
         "查看辖区内的指标填报",
         {"county_staff", "finance_staff", "town_staff", "auditor"}},
        {"report:submit", "填报无台账来源的指标数值、上传佐证材料", {"county_staff", "town_staff"}},
        {"report:confirm", "确认或退回他人提交的指标填报", {"county_staff", "town_staff"}},
    };
    m.dicts = {{"report_statuses",
                {{StateName(State::kPending), StateLabel(State::kPending)},
                 {StateName(State::kConfirmed), StateLabel(State::kConfirmed)},
                 {StateName(State::kRejected), StateLabel(State::kRejected)},
                 {StateName(State::kSuperseded), StateLabel(State::kSuperseded)}},
                nullptr,
                "指标填报状态"}};
    m.audit_actions = {{"report.submit", "提交指标填报"},
                       {"report.confirm", "确认指标填报"},
                       {"report.reject", "退回指标填报"},
                       {"report.file.add", "上传填报佐证材料"},
                       {"report.file.download", "下载填报佐证材料"}};
    m.reported_values = ReportedValues;
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock()}, c.indicators());
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::reporting
