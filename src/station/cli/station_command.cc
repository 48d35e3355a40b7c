#include "station/cli/station_command.h"

#include "imports/cli/import_command.h"
#include "station/events_import.h"
#include "station/import.h"
#include "station/records_import.h"

namespace ruralec::station {

// `stations import|template [--records]`, `stations records import|template` and `stations
// events import|template` run on the
// imports module's commands (flags, report, exit codes 0 / 2 rows rejected / 1 file refused,
// error workbook).
void AddStationCommands(CLI::App& app, const runtime::CommandEnv& env) {
  static bool records_template = false;
  auto* group = app.add_subcommand("stations", "乡村电商服务站点 / village service stations");
  group->require_subcommand(1);
  imports::cli::AddImportCommands(
      group, env, "导入服务站点台账 / import the station registry",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportStations(c, who, path, m, o); },
      [] { return records_template ? RecordsTemplate() : StationsTemplate(); });
  group->get_subcommand("template")
      ->add_flag("--records", records_template, "服务记录导入模板 / the service-record template");
  auto* records = group->add_subcommand("records", "站点服务记录 / station service records");
  records->require_subcommand(1);
  imports::cli::AddImportCommands(
      records, env, "导入站点服务记录 / import service records",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportRecords(c, who, path, m, o); },
      RecordsTemplate);
  auto* events = group->add_subcommand("events", "站点单笔服务记录 / per-event service records");
  events->require_subcommand(1);
  imports::cli::AddImportCommands(
      events, env, "导入站点单笔服务记录 / import per-event service records",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportEvents(c, who, path, m, o); },
      EventsTemplate);
}

}  // namespace ruralec::station
