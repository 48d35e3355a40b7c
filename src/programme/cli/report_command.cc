#include "programme/cli/report_command.h"

#include <iostream>

#include "programme/evaluate.h"
#include "programme/report/quarterly_report.h"
#include "runtime/cli.h"

namespace ruralec::programme {

void AddReportCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("report", "报告 / reports");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("quarterly", "方案季度进展报告 (xlsx) / quarterly report");
  static runtime::Options o;
  static std::string programme, quarter, out;
  cmd->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  cmd->add_option("--key-file", o.key_file, "字段加密密钥文件");
  cmd->add_option("--programme", programme, "方案编号（数据库 id）或方案键")->required();
  cmd->add_option("--quarter", quarter, "季度，如 2018Q4")->required();
  cmd->add_option("--out", out, "输出 .xlsx 文件")->required();
  cmd->callback([&env] {
    auto q = report::ParseQuarter(quarter);
    if (!q.ok()) runtime::Fail(q.error());
    static SystemClock clock;
    auto ctx = env.open(o);
    if (!ctx.ok()) runtime::Fail(ctx.error());
    auto conn = (*ctx)->db().Acquire();
    auto id = report::ResolveProgrammeId(*conn, programme);
    if (!id.ok()) runtime::Fail(id.error());
    auto data = report::BuildReport(*conn, (*ctx)->indicators(), *id, *q,
                                    ShanghaiDate(clock.NowMs()), runtime::ChinaDivisionDir());
    if (!data.ok()) runtime::Fail(data.error());
    if (auto st = report::WriteReportXlsx(*data, out); !st.ok()) runtime::Fail(st.error());
    std::cout << "wrote " << out << ": " << data->programme->targets.size() << " targets, "
              << data->programme->tasks.size() << " tasks, as of " << data->as_of.ToString()
              << "\n";
  });
}

}  // namespace ruralec::programme
