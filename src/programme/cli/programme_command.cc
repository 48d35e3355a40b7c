#include "programme/cli/programme_command.h"

#include <iostream>

#include "programme/check.h"
#include "programme/cli/programme_json.h"
#include "programme/seed_check.h"
#include "programme/store.h"
#include "runtime/cli.h"

namespace ruralec::programme {
namespace {

// Reads and checks `path` (against the seed text when `seed` is given); prints every issue as
// "file:line: reason" to stderr. Returns false when there were issues.
bool CheckAndReport(const std::string& path, ParsedProgramme& out, const std::string& seed = "") {
  out = seed.empty() ? CheckFile(path, runtime::ChinaDivisionDir())
                     : CheckFileWithSeed(path, runtime::ChinaDivisionDir(), seed);
  for (const auto& issue : out.issues) std::cerr << FormatIssue(issue) << "\n";
  return out.issues.empty();
}

void AddCheck(CLI::App& group) {
  auto* cmd = group.add_subcommand("check", "检查方案文件 / check a programme file");
  static std::string file, seed;
  cmd->add_option("file", file, "programme YAML file")->required();
  cmd->add_option("--seed", seed,
                  "原文 .txt：核对 source 行号、数字与引文、阶段引用和配额区划 / check every "
                  "source reference against the seed text");
  cmd->callback([] {
    ParsedProgramme parsed;
    if (!CheckAndReport(file, parsed, seed)) {
      std::cerr << parsed.issues.size() << " error(s)\n";
      throw CLI::RuntimeError(1);
    }
    const auto& p = parsed.programme;
    std::cout << file << ": ok — " << p.targets.size() << " targets, " << p.tasks.size()
              << " tasks, " << p.award_rules.size() << " award rules, " << p.fund_plan.funds.size()
              << " funds, " << p.workflow.stages.size() << " workflow stages\n";
  });
}

void AddShow(CLI::App& group) {
  auto* cmd = group.add_subcommand("show", "显示方案 / print a checked programme");
  static std::string file;
  static bool json = false;
  cmd->add_option("file", file, "programme YAML file")->required();
  cmd->add_flag("--json", json, "JSON output");
  cmd->callback([] {
    ParsedProgramme parsed;
    if (!CheckAndReport(file, parsed)) throw CLI::RuntimeError(1);
    const auto& p = parsed.programme;
    if (json) {
      std::cout << ToJson(p).dump(2) << "\n";
      return;
    }
    std::cout << p.name << "（" << p.document_number << "）\n";
    for (const auto& t : p.targets) {
      std::cout << "  " << t.id << " " << t.indicator << " " << t.comparator << " "
                << (t.value ? t.value->text + t.value->unit : "(open)") << "  "
                << (t.deadline ? t.deadline->ToString() : "") << "  quotas: " << t.quotas.size()
                << "\n";
    }
    std::cout << "  tasks: " << p.tasks.size() << ", award rules: " << p.award_rules.size() << "\n";
  });
}

void AddLoad(CLI::App& group, const runtime::CommandEnv& env) {
  auto* cmd = group.add_subcommand("load", "载入方案到数据库 / store a programme");
  static runtime::Options o;
  static std::string file;
  cmd->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  cmd->add_option("--key-file", o.key_file, "字段加密密钥文件");
  cmd->add_option("file", file, "programme YAML file")->required();
  cmd->callback([&env] {
    ParsedProgramme parsed;
    if (!CheckAndReport(file, parsed)) throw CLI::RuntimeError(1);
    static SystemClock clock;
    auto ctx = env.open(o);
    if (!ctx.ok()) runtime::Fail(ctx.error());
    auto conn = (*ctx)->db().Acquire();
    auto stored = StoreProgramme(*conn, parsed.programme, parsed.text, file, clock.NowMs());
    if (!stored.ok()) runtime::Fail(stored.error());
    std::cout << (stored->created ? "loaded " : "unchanged ") << stored->key << " version "
              << stored->version << " (id " << stored->programme_id << ")\n";
  });
}

}  // namespace

void AddProgrammeCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("programme", "实施方案 / programmes as data");
  group->require_subcommand(1);
  AddCheck(*group);
  AddShow(*group);
  AddLoad(*group, env);
}

}  // namespace ruralec::programme
