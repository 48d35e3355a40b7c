#include "station/cli/station_command.h"

#include <iostream>

#include "account/account.h"
#include "runtime/cli.h"
#include "station/import.h"

namespace ruralec::station {
namespace {

struct ImportArgs {
  runtime::Options o;
  const runtime::CommandEnv* env = nullptr;
  std::string as, mode, errors, path;
};

std::string DefaultErrorsPath(const std::string& path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  bool no_ext = dot == std::string::npos || (slash != std::string::npos && dot < slash);
  return (no_ext ? path : path.substr(0, dot)) + ".errors.xlsx";
}

void Report(const ImportReport& r, const ImportArgs& a) {
  if (r.already_imported) {
    std::cout << "该文件已导入（批次 " << r.batch_id << "），未新增数据\n";
    return;
  }
  if (!r.sheet.empty()) std::cout << "sheet " << r.sheet << ": ";
  std::cout << "rows " << r.rows_total << ", imported " << r.rows_imported << ", rejected "
            << r.rows_rejected << (r.rolled_back ? " (all-or-nothing: nothing written)" : "")
            << (r.batch_id ? ", batch " + std::to_string(r.batch_id) : "") << "\n";
  if (r.rows_rejected == 0) return;
  std::string out = a.errors.empty() ? DefaultErrorsPath(a.path) : a.errors;
  Status st = out.ends_with(".csv") ? spreadsheet::WriteCsv(out, ErrorSheet(r))
                                    : spreadsheet::WriteXlsx(out, ErrorSheet(r));
  if (!st.ok()) runtime::Fail(st.error());
  std::cerr << "有 " << r.rows_rejected << " 行未通过校验，错误清单: " << out << "\n";
  runtime::Exit(runtime::kExitRowsRejected);
}

void RunImport(const ImportArgs& a) {
  auto mode = ParseMode(a.mode);
  if (!mode.ok()) runtime::Fail(mode.error());
  auto ctx = runtime::OpenOrFail(*a.env, a.o);
  Result<account::Principal> who = Error::Internal("");
  {
    auto conn = ctx->db().Acquire();
    who = account::PrincipalFor(*conn, a.as);
  }
  if (!who.ok()) runtime::Fail(who.error());
  Deps d{ctx->db(), ctx->audit(), ctx->clock(), ctx->cipher()};
  auto r = ImportStations(d, *who, a.path, *mode);
  if (!r.ok()) runtime::Fail(r.error());
  Report(*r, a);
}

}  // namespace

void AddStationCommands(CLI::App& app, const runtime::CommandEnv& env) {
  static ImportArgs args;
  static std::string out;
  args.env = &env;
  auto* group = app.add_subcommand("stations", "乡村电商服务站点 / village service stations");
  group->require_subcommand(1);
  auto* imp = group->add_subcommand("import", "导入服务站点台账 / import the station registry");
  runtime::AddDbOptions(imp, args.o);
  imp->add_option("--as", args.as, "以该用户身份导入（检查权限与管辖范围）")->required();
  imp->add_option("--mode", args.mode, "all-or-nothing（默认）或 valid-only");
  imp->add_option("--errors", args.errors, "错误清单输出文件（.xlsx 或 .csv）");
  imp->add_option("path", args.path, "PATH.xlsx|.csv")->required();
  imp->callback([] { RunImport(args); });
  auto* t = group->add_subcommand("template", "生成导入模板 / write the import template");
  t->add_option("--out", out, "FILE.xlsx")->required();
  t->callback([] {
    auto sheet = StationsTemplate();
    Status st = out.ends_with(".csv") ? spreadsheet::WriteCsv(out, sheet)
                                      : spreadsheet::WriteXlsx(out, sheet);
    if (!st.ok()) runtime::Fail(st.error());
    std::cout << "wrote " << out << "\n";
  });
}

}  // namespace ruralec::station
