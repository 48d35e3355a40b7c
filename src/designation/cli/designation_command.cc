#include "designation/cli/designation_command.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "account/account.h"
#include "designation/designation.h"
#include "designation/import.h"
#include "imports/cli/import_command.h"
#include "runtime/cli.h"
#include "runtime/context.h"

namespace ruralec::designation {
namespace {

struct ListArgs {
  runtime::Options o;
  const runtime::CommandEnv* env = nullptr;
  std::string as, region, level, kind, status;
  int year = 0;
};

Result<Filter> FilterOf(const ListArgs& a) {
  Filter f;
  if (!a.region.empty()) {
    ASSIGN_OR_RETURN(f.region, RegionCode::Parse(a.region));
  }
  if (!a.level.empty()) {
    ASSIGN_OR_RETURN(f.level, ParseLevel(a.level));
  }
  if (!a.kind.empty()) {
    ASSIGN_OR_RETURN(f.kind, ParseKind(a.kind));
  }
  if (!a.status.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseStatus(a.status));
  }
  if (a.year) f.year = a.year;
  return f;
}

// Prints every page (200 rows a page), tab-separated.
void RunList(const ListArgs& a) {
  auto f = FilterOf(a);
  if (!f.ok()) runtime::Fail(f.error());
  auto ctx = runtime::OpenOrFail(*a.env, a.o);
  Result<account::Principal> who = Error::Internal("");
  {
    auto conn = ctx->db().Acquire();
    who = account::PrincipalFor(*conn, a.as);
  }
  if (!who.ok()) runtime::Fail(who.error());
  Deps d{ctx->db(), ctx->audit(), ctx->clock(), ctx->cipher(), &ctx->indicators()};
  std::cout << "id\tyear\tlevel\tkind\tsubject\tregion\tstatus\tsince\tdocument\n";
  for (int page = 1;; ++page) {
    PageRequest pr;
    pr.page = page;
    pr.page_size = PageRequest::kMaxPageSize;
    auto p = List(d, *who, *f, pr);
    if (!p.ok()) runtime::Fail(p.error());
    for (const auto& x : p->items) {
      std::cout << x.id << '\t' << x.year << '\t' << LevelLabel(x.level) << '\t'
                << KindLabel(x.kind) << '\t' << x.subject_name << '\t' << x.region.str() << '\t'
                << StatusLabel(x.status) << '\t' << x.status_since.ToString() << '\t'
                << x.document_no << '\n';
    }
    if (static_cast<int64_t>(page) * pr.page_size >= p->total) break;
  }
}

}  // namespace

void AddDesignationCommands(CLI::App& app, const runtime::CommandEnv& env) {
  static ListArgs args;
  args.env = &env;
  auto* group = app.add_subcommand("designations", "示范创建 / demonstration designations");
  group->require_subcommand(1);
  auto* list = group->add_subcommand("list", "列出示范创建 / list designations");
  runtime::AddDbOptions(list, args.o);
  list->add_option("--as", args.as, "以该用户身份查看（检查权限与管辖范围）")->required();
  list->add_option("--region", args.region, "区划代码（默认本人辖区）");
  list->add_option("--level", args.level, "national | province | city | county");
  list->add_option("--kind", args.kind, "county | town | village | point | enterprise | park");
  list->add_option("--status", args.status, "candidate | applied | recognised | revoked");
  list->add_option("--year", args.year, "年度");
  list->callback([] { RunList(args); });
  imports::cli::AddImportCommands(
      group, env, "导入示范创建 / import designations",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportDesignations(c, who, path, m, o); },
      DesignationsTemplate);
}

}  // namespace ruralec::designation
