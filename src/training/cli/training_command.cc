#include "training/cli/training_command.h"

#include "imports/cli/import_command.h"
#include "training/import.h"

namespace ruralec::training {

// On the imports module's commands: flags, report, exit codes and error workbook are those of
// every import.
void AddTrainingCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* group = app.add_subcommand("training", "电商培训 / e-commerce training");
  group->require_subcommand(1);
  auto* attendance = group->add_subcommand("attendance", "培训签到 / attendance");
  attendance->require_subcommand(1);
  imports::cli::AddImportCommands(
      attendance, env, "导入培训签到表 / import a sign-in sheet",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportAttendance(c, who, path, m, o); },
      AttendanceTemplate);
  imports::cli::AddTemplateCommand(group, AttendanceTemplate);
}

}  // namespace ruralec::training
