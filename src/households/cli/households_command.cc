#include "households/cli/households_command.h"

#include "households/help_import.h"
#include "households/import.h"
#include "households/purchase_import.h"
#include "imports/cli/import_command.h"

namespace ruralec::households {

// Both groups run on the imports module's commands (flags --db, --key-file, --as, --mode,
// --errors; the report; exit codes; the error workbook).
void AddHouseholdCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* households = app.add_subcommand("households", "贫困户登记簿 / poor-household register");
  households->require_subcommand(1);
  imports::cli::AddImportCommands(
      households, env, "导入贫困户登记簿 / import the household register",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportHouseholds(c, who, path, m, o); },
      HouseholdsTemplate);
  auto* purchases = app.add_subcommand("purchases", "收购贫困户、贫困村产品台账 / purchases");
  purchases->require_subcommand(1);
  imports::cli::AddImportCommands(
      purchases, env, "导入收购台账 / import purchases",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportPurchases(c, who, path, m, o); },
      PurchasesTemplate);
  auto* employments =
      app.add_subcommand("household-employments", "贫困户成员就业 / employment of members");
  employments->require_subcommand(1);
  imports::cli::AddImportCommands(
      employments, env, "导入贫困户成员就业 / import employment",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportEmployments(c, who, path, m, o); },
      EmploymentsTemplate);
  auto* shops = app.add_subcommand("household-shops", "贫困户开设网店 / online shops");
  shops->require_subcommand(1);
  imports::cli::AddImportCommands(
      shops, env, "导入贫困户开设网店 / import online shops",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportShops(c, who, path, m, o); },
      ShopsTemplate);
}

}  // namespace ruralec::households
