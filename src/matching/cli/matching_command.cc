#include "matching/cli/matching_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "account/account.h"
#include "matching/matching.h"
#include "runtime/cli.h"
#include "runtime/context.h"

namespace ruralec::matching {
namespace {

struct Args {
  runtime::Options o;
  const runtime::CommandEnv* env = nullptr;
  std::string as;
  int64_t demand = 0;
  int limit = 20;
};

void Run(const Args& a) {
  auto ctx = runtime::OpenOrFail(*a.env, a.o);
  Result<account::Principal> who = Error::Internal("");
  {
    auto conn = ctx->db().Acquire();
    who = account::PrincipalFor(*conn, a.as);
  }
  if (!who.ok()) runtime::Fail(who.error());
  Deps d{ctx->db(), ctx->audit(), ctx->clock(), ctx->cipher()};
  PageRequest pr;
  pr.page_size = std::clamp(a.limit, 1, PageRequest::kMaxPageSize);
  auto p = Proposals(d, *who, a.demand, pr);
  if (!p.ok()) runtime::Fail(p.error());
  std::cout << "rank\tlisting\tscore\tvillage\tstation\tleft\tunit\treasons\n";
  int rank = 0;
  for (const auto& v : p->items) {
    std::string reasons;
    for (const auto& r : v.proposal.reasons)
      reasons += (reasons.empty() ? "" : "；") + ("+" + std::to_string(r.points) + " " + r.text);
    std::cout << ++rank << '\t' << v.listing.id << '\t' << v.proposal.score << '\t'
              << v.listing.village_name << '\t' << v.listing.station_name << '\t'
              << v.listing.quantity - v.listing.matched_quantity << '\t' << v.listing.unit << '\t'
              << reasons << '\n';
  }
  std::cerr << p->total << " 条匹配建议\n";
}

}  // namespace

void AddMatchingCommands(CLI::App& app, const runtime::CommandEnv& env) {
  static Args args;
  args.env = &env;
  auto* group = app.add_subcommand("matching", "产销对接 / supply–demand matching");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("proposals", "列出采购需求的匹配建议 / a demand's proposals");
  runtime::AddDbOptions(cmd, args.o);
  cmd->add_option("--as", args.as, "以该用户身份查看（检查权限与管辖范围）")->required();
  cmd->add_option("--demand", args.demand, "采购需求编号")->required();
  cmd->add_option("--limit", args.limit, "最多列出几条（默认 20）");
  cmd->callback([] { Run(args); });
}

}  // namespace ruralec::matching
