#include "award/cli/award_command.h"

#include <iostream>

#include "award/award_json.h"
#include "award/service.h"
#include "programme/evaluate.h"
#include "runtime/cli.h"

namespace ruralec::award {
namespace {

struct EvalArgs {
  runtime::Options o;
  const runtime::CommandEnv* env = nullptr;
  std::string programme, period;
  bool json = false;
};

SystemClock& Clock() {
  static SystemClock clock;
  return clock;
}

void PrintTable(const ProgrammeEvaluation& pe) {
  for (const auto& l : pe.evaluation.lines) {
    std::cout << l.rule_id << "\t" << l.subject_kind << "\t" << l.subject_id << "\t"
              << l.subject_name << "\t"
              << (l.amount_fen ? Fen{*l.amount_fen}.ToYuan() : LineStatusName(l.status)) << "\n";
  }
  std::cout << "合计 " << Fen{pe.evaluation.total_fen}.ToYuan() << "，"
            << pe.evaluation.lines.size() << " 行\n";
}

void Run(const EvalArgs& a) {
  auto ctx = a.env->open(a.o);
  if (!ctx.ok()) runtime::Fail(ctx.error());
  Result<int64_t> id = Error::Internal("");
  {
    auto conn = (*ctx)->db().Acquire();
    id = ResolveProgramme(*conn, a.programme);
  }
  if (!id.ok()) runtime::Fail(id.error());
  Lists lists((*ctx)->db(), (*ctx)->audit(), (*ctx)->clock());
  auto pe = EvaluateProgramme((*ctx)->db(), lists, *id, a.period, nullptr,
                              programme::DefaultDivisionDir());
  if (!pe.ok()) runtime::Fail(pe.error());
  for (const auto& r : pe->evaluation.rules)
    if (r.status != RuleStatus::kEvaluated)
      std::cerr << r.rule_id << " " << r.rule_name << ": " << RuleStatusName(r.status) << " — "
                << r.reason << "\n";
  if (!a.json) return PrintTable(*pe);
  Json out = Json::array();
  for (const auto& l : pe->evaluation.lines) out.push_back(LineJson(l));
  std::cout << out.dump(2) << "\n";
}

}  // namespace

void AddAwardCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* awards = app.add_subcommand("awards", "奖补 / award rules engine");
  awards->require_subcommand(1);
  auto* ev = awards->add_subcommand("evaluate", "计算方案某期间的奖补清单 / evaluate awards");
  static EvalArgs a;
  a.env = &env;
  ev->add_option("--db", a.o.db, "数据库文件或 postgresql:// 地址")->required();
  ev->add_option("--key-file", a.o.key_file, "字段加密密钥文件");
  ev->add_option("--programme", a.programme, "方案编号（数字）或方案 id")->required();
  ev->add_option("--period", a.period, "年份，例如 2019")->required();
  ev->add_flag("--json", a.json, "以 JSON 数组输出");
  ev->callback([] { Run(a); });
}

}  // namespace ruralec::award
