#include "logistics/cli/report_command.h"

#include <iostream>

#include "logistics/monthly_report.h"
#include "runtime/cli.h"

namespace ruralec::logistics {

void AddLogisticsCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("logistics", "物流统计 / logistics statistics");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("report", "物流统计月报 (xlsx) / monthly logistics report");
  static runtime::Options o;
  static std::string region, month, out;
  runtime::AddDbOptions(cmd, o);
  cmd->add_option("--region", region, "区划代码（县、镇或村），如 341302")->required();
  cmd->add_option("--month", month, "月份，如 2026-11")->required();
  cmd->add_option("--out", out, "输出 .xlsx 文件")->required();
  cmd->callback([&env] {
    auto code = RegionCode::Parse(region);
    if (!code.ok()) runtime::Fail(Error::Invalid("region", "区划代码无效: " + region));
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto rep = BuildMonthlyReport(*conn, *code, month);
    if (!rep.ok()) runtime::Fail(rep.error());
    if (rep->coverage.total.name.empty())
      runtime::Fail(Error::Invalid("region", "区划不存在: " + region));
    if (auto st = WriteMonthlyReportXlsx(*rep, out); !st.ok()) runtime::Fail(st.error());
    const CoverageFigures& f = rep->coverage.total;
    std::cout << "wrote " << out << ": " << f.name << " " << month << ", " << f.reached << "/"
              << f.villages << " villages reached, " << rep->coverage.towns.size() << " towns\n";
  });
}

}  // namespace ruralec::logistics
