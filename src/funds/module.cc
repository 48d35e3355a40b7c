#include "funds/module.h"

#include "funds/api/funds_routes.h"
#include "funds/cli/funds_command.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::funds {
namespace {

template <typename E, typename Name, typename Label>
std::vector<runtime::DictEntry> Entries(std::initializer_list<E> values, Name name, Label label) {
  std::vector<runtime::DictEntry> out;
  for (E v : values) out.push_back({name(v), label(v)});
  return out;
}

// The purposes a commitment may name; the forbidden uses of 004 are listed with "（禁止）" so the
// console shows why the ledger refuses them.
std::vector<runtime::DictEntry> PurposeEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& p : Purposes())
    out.push_back({p.code, std::string(p.label) + (p.forbidden ? "（禁止）" : "")});
  return out;
}

std::vector<runtime::Dict> Dicts() {
  return {
      {"fund_sources",
       Entries(
           {Source::kCentral, Source::kProvincial, Source::kCity, Source::kCounty, Source::kOther},
           SourceName, SourceLabel),
       nullptr, "专项资金来源"},
      {"fund_ops",
       Entries({Op::kArrive, Op::kCommit, Op::kDecommit, Op::kAdvance, Op::kPay, Op::kSettle,
                Op::kClawback, Op::kRecover, Op::kGiveBack, Op::kReverse, Op::kReclaim},
               OpName, OpLabel),
       nullptr, "资金变动类型"},
      {"fund_kinds",
       Entries({Kind::kTreasury, Kind::kAvailable, Kind::kCommitted, Kind::kAdvanced, Kind::kPaid,
                Kind::kClawback},
               KindName, KindLabel),
       nullptr, "资金账户类别"},
      {"fund_project_statuses",
       Entries({ProjectStatus::kOpen, ProjectStatus::kAccepted, ProjectStatus::kFailed},
               ProjectStatusName, ProjectStatusLabel),
       nullptr, "资金项目验收状态"},
      {"fund_purposes", PurposeEntries(), nullptr, "资金用途"},
  };
}

}  // namespace

// Issue 21: the ledger, its routes, payments of approved award lists and `ruralec funds verify`.
// The project workflow is the projects module (docs/FUNDS.md).
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "funds";
    m.title = "专项资金";
    m.depends = {"audit", "account", "region", "award"};
    m.tables = {"funds",          "fund_categories", "fund_category_changes", "fund_projects",
                "fund_transfers", "fund_balances",   "fund_award_reclaims"};
    m.permissions = {
        {"funds:read", "查看专项资金及其台账", {"county_staff", "finance_staff", "auditor"}},
        {"funds:edit", "登记资金、项目和资金变动", {"finance_staff"}},
    };
    m.dicts = Dicts();
    m.audit_actions = {{"funds.create", "登记专项资金"},
                       {"funds.transfer", "资金变动"},
                       {"funds.project", "登记资金项目或验收结论"},
                       {"funds.close", "资金结账"},
                       {"funds.verify", "校验资金台账"},
                       {"funds.plan_change", "调整资金计划"},
                       {"funds.award_payment", "兑现奖补清单"},
                       {"funds.award_reclaim", "追回多付奖补"},
                       {"funds.award_acceptance", "登记奖补验收"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.record_mac()});
    };
    m.commands = [](CLI::App& app, const runtime::CommandEnv& env) {
      cli::AddFundsCommand(app, env);
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::funds
