#include "funds/module.h"

#include "funds/cli/funds_command.h"

namespace ruralec::funds {

// Issue 21, first part: the ledger and `ruralec funds verify`. The HTTP routes, the project
// workflow and the console pages come next (docs/FUNDS.md "Not yet").
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "funds";
    m.title = "专项资金";
    m.depends = {"audit"};
    m.tables = {"funds",         "fund_categories", "fund_category_changes",
                "fund_projects", "fund_transfers",  "fund_balances"};
    m.permissions = {
        {"funds:read", "查看专项资金及其台账", {"county_staff", "finance_staff", "auditor"}},
        {"funds:edit", "登记资金、项目和资金变动", {"finance_staff"}},
    };
    m.audit_actions = {{"funds.create", "登记专项资金"},
                       {"funds.transfer", "资金变动"},
                       {"funds.project", "登记资金项目或验收结论"},
                       {"funds.close", "资金结账"},
                       {"funds.verify", "校验资金台账"}};
    m.commands = [](CLI::App& app, const runtime::CommandEnv& env) {
      cli::AddFundsCommand(app, env);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::funds
