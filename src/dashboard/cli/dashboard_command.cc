#include "dashboard/cli/dashboard_command.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "core/date.h"
#include "dashboard/api/dashboard_json.h"
#include "dashboard/package.h"
#include "dashboard/summary.h"
#include "region/region.h"
#include "runtime/cli.h"
#include "runtime/context.h"

namespace ruralec::dashboard {
namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Status WriteJson(const Package& p, const std::string& out) {
  std::ofstream f(out, std::ios::binary);
  if (!f) return Error::Invalid("out", "无法写入文件: " + out);
  f << api::PackageJson(p).dump(1) << "\n";
  if (!f) return Error::Invalid("out", "写入失败: " + out);
  return {};
}

Result<Package> Build(runtime::Context& ctx, const std::string& region, const std::string& period,
                      const std::string& kind) {
  auto code = RegionCode::Parse(region);
  if (!code.ok()) return Error::Invalid("region", "区划代码无效: " + region);
  ASSIGN_OR_RETURN(Period p, ParsePeriod(period, "period"));
  ASSIGN_OR_RETURN(PackageKind k, ParsePackageKind(kind));
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(region::Region r, region::Get(*conn, *code));
  ASSIGN_OR_RETURN(auto children, ChildrenOf(*conn, *code));
  Target t{*code, r.name, std::move(children)};
  return BuildPackage(*conn, ctx.indicators(), t, p, k, ctx.clock().NowMs());
}

// `dashboard refresh --region 34 [--months 2] [--trend-months 12]`: the stored county figures.
void AddRefresh(CLI::App* group, const runtime::CommandEnv& env) {
  auto* cmd =
      group->add_subcommand("refresh", "刷新各县月度汇总 / refresh the stored county figures");
  static runtime::Options o;
  static std::string region;
  static int months = 2, trend = 12;
  runtime::AddDbOptions(cmd, o);
  cmd->add_option("--region", region, "区划代码（省、市或县），如 34")->required();
  cmd->add_option("--months", months, "刷新全部指标的月数（含本月），默认 2");
  cmd->add_option("--trend-months", trend, "刷新趋势指标的月数，默认 12");
  cmd->callback([&env] {
    auto code = RegionCode::Parse(region);
    if (!code.ok()) runtime::Fail(Error::Invalid("region", "区划代码无效: " + region));
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    const int64_t now = ctx->clock().NowMs();
    auto rep = RefreshSummaries(*conn, ctx->indicators(), *code, PeriodOf(ShanghaiDate(now)),
                                months, trend, now);
    if (!rep.ok()) runtime::Fail(rep.error());
    std::cout << "refreshed " << region << ": " << rep->counties << " counties, " << rep->months
              << " months, " << rep->rows << " figures\n";
  });
}

}  // namespace

void AddDashboardCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("dashboard", "统计监测 / statistical monitoring");
  group->require_subcommand(1);
  AddRefresh(group, env);
  auto* cmd = group->add_subcommand("package", "统计报送包 (xlsx/json) / statistics package");
  static runtime::Options o;
  static std::string region, period, kind = "month", out;
  runtime::AddDbOptions(cmd, o);
  cmd->add_option("--region", region, "区划代码（省、市、县、镇），如 341302")->required();
  cmd->add_option("--period", period, "月份，如 2025-06")->required();
  cmd->add_option("--kind", kind, "month（月报）或 quarter（该月所在季度）");
  cmd->add_option("--out", out, "输出文件 .xlsx 或 .json")->required();
  cmd->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    auto p = Build(*ctx, region, period, kind);
    if (!p.ok()) runtime::Fail(p.error());
    Status st = EndsWith(out, ".json") ? WriteJson(*p, out) : WritePackageXlsx(*p, out);
    if (!st.ok()) runtime::Fail(st.error());
    std::cout << "wrote " << out << ": " << p->name << " " << p->label << ", " << p->sheets.size()
              << " indicators × " << p->rows.size() << " regions × " << p->months.size()
              << " months\n";
  });
}

}  // namespace ruralec::dashboard
