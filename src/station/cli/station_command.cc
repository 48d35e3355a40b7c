#include "station/cli/station_command.h"

#include "imports/cli/import_command.h"
#include "station/import.h"

namespace ruralec::station {

// `stations import|template` run on the imports module's commands (flags, report, exit codes
// 0 / 2 rows rejected / 1 file refused, error workbook).
void AddStationCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("stations", "乡村电商服务站点 / village service stations");
  group->require_subcommand(1);
  imports::cli::AddImportCommands(
      group, env, "导入服务站点台账 / import the station registry",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportStations(c, who, path, m, o); },
      StationsTemplate);
}

}  // namespace ruralec::station
