#include "sales/cli/sales_command.h"

#include "imports/cli/import_command.h"
#include "sales/import.h"

namespace ruralec::sales {

void AddSalesCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* sales = app.add_subcommand("sales", "网络销售额台账 / online-sales ledger");
  sales->require_subcommand(1);
  imports::cli::AddImportCommands(
      sales, env, "导入网络销售额 / import the sales ledger",
      [](const ImportContext& c, const account::Principal& who, const std::string& path, Mode m,
         const ImportOptions& o) { return ImportSales(c, who, path, m, o); },
      SalesTemplate);
}

}  // namespace ruralec::sales
