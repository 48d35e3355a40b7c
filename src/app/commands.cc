#include "app/commands.h"

#include <spdlog/spdlog.h>

#include <iostream>

#include "app/app_context.h"
#include "core/date.h"
#include "core/validate.h"
#include "runtime/cli.h"

namespace ruralec::app {
namespace {

SystemClock& Clock() {
  static SystemClock clock;
  return clock;
}

std::unique_ptr<AppContext> OpenOrFail(const AppOptions& o) {
  auto ctx = Open(o, Clock());
  if (!ctx.ok()) runtime::Fail(ctx.error());
  return std::move(ctx).value();
}

}  // namespace

void AddModuleCommands(CLI::App& app) {
  static runtime::CommandEnv env{[](const runtime::Options& o) { return Open(o, Clock()); },
                                 &Clock()};
  for (const runtime::Module* m : Modules()) {
    if (m->commands) m->commands(app, env);
  }
}

void AddValidateCommand(CLI::App& app) {
  auto* v = app.add_subcommand("validate", "校验代码 / validate an identifier");
  static std::string kind, value;
  v->add_option("kind", kind, "uscc | idcard | gtin | mobile")
      ->required()
      ->check(CLI::IsMember({"uscc", "idcard", "gtin", "mobile"}));
  v->add_option("value", value)->required();
  v->callback([] {
    Status st;
    if (kind == "uscc")
      st = validate::Uscc(value);
    else if (kind == "idcard")
      st = validate::IdCard(value, ShanghaiDate(Clock().NowMs()));
    else if (kind == "gtin")
      st = validate::Gtin(value);
    else
      st = validate::Mobile(value);
    if (!st.ok()) {
      std::cout << "invalid: " << st.error().message << "\n";
      runtime::Exit(runtime::kExitRefused);
    }
    std::cout << "valid\n";
  });
}

void AddBackupCommand(CLI::App& app) {
  auto* backup = app.add_subcommand("backup", "在线备份 / online backup");
  static AppOptions o;
  static std::string out;
  backup->add_option("--db", o.db)->required();
  backup->add_option("--out", out)->required();
  backup->callback([] {
    auto ctx = OpenOrFail(o);
    Status st = ctx->db().Backup(out);
    if (!st.ok()) runtime::Fail(st.error());
    std::cout << "backup written to " << out << "\n";
  });
  auto* restore =
      app.add_subcommand("restore", "从备份恢复（须停止服务）/ restore a backup (server stopped)");
  static std::string target, in;
  restore->add_option("--db", target, "要恢复到的数据库文件或 postgresql:// 地址")->required();
  restore->add_option("--from,--in", in, "backup 生成的备份文件")
      ->required()
      ->check(CLI::ExistingFile);
  restore->callback([] {
    auto db = storage::Open(target, 1);
    if (!db.ok()) runtime::Fail(db.error());
    Status st = (*db)->Restore(in);
    if (!st.ok()) runtime::Fail(st.error());
    std::cout << "restored " << target << " from " << in << "\n";
  });
}

}  // namespace ruralec::app
