#include "programme/cli/report_command.h"

#include <iostream>

#include "app/app_context.h"
#include "app/commands.h"
#include "programme/evaluate.h"
#include "programme/report/quarterly_report.h"

namespace ruralec::programme {

void AddReportCommands(CLI::App& app) {
  auto* group = app.add_subcommand("report", "报告 / reports");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("quarterly", "方案季度进展报告 (xlsx) / quarterly report");
  static app::AppOptions o;
  static std::string programme, quarter, out;
  cmd->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  cmd->add_option("--key-file", o.key_file, "字段加密密钥文件");
  cmd->add_option("--programme", programme, "方案编号（数据库 id）或方案键")->required();
  cmd->add_option("--quarter", quarter, "季度，如 2018Q4")->required();
  cmd->add_option("--out", out, "输出 .xlsx 文件")->required();
  cmd->callback([] {
    auto q = report::ParseQuarter(quarter);
    if (!q.ok()) app::Fail(q.error());
    static SystemClock clock;
    auto ctx = app::AppContext::Open(o, clock);
    if (!ctx.ok()) app::Fail(ctx.error());
    auto conn = (*ctx)->db().Acquire();
    auto id = report::ResolveProgrammeId(*conn, programme);
    if (!id.ok()) app::Fail(id.error());
    auto data = report::BuildReport(*conn, ProcessIndicators(), *id, *q,
                                    ShanghaiDate(clock.NowMs()), app::ChinaDivisionDir());
    if (!data.ok()) app::Fail(data.error());
    if (auto st = report::WriteReportXlsx(*data, out); !st.ok()) app::Fail(st.error());
    std::cout << "wrote " << out << ": " << data->programme->targets.size() << " targets, "
              << data->programme->tasks.size() << " tasks, as of " << data->as_of.ToString()
              << "\n";
  });
}

}  // namespace ruralec::programme
