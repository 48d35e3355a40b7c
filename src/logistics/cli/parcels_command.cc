#include "logistics/cli/parcels_command.h"

#include "imports/cli/import_command.h"
#include "logistics/parcels_import.h"

namespace ruralec::logistics {

void AddParcelCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("parcels", "快递扫描数据 / parcel scan events");
  group->require_subcommand(1);
  imports::cli::AddImportCommands(
      group, env, "导入快递扫描记录（csv、xlsx 或 jsonl） / ingest scan events",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportScans(c, who, path, m, o); },
      ScansTemplate);
}

}  // namespace ruralec::logistics
