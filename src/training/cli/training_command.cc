#include "training/cli/training_command.h"

#include <iostream>

#include "imports/cli/import_command.h"
#include "runtime/cli.h"
#include "training/import.h"
#include "training/training.h"

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
  auto* link = group->add_subcommand(
      "link-households",
      "关联学员与其户主身份的贫困户 / link trainees to the households they head");
  static runtime::Options o;
  runtime::AddDbOptions(link, o);
  link->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    auto rep = LinkTraineesToHouseholds(Deps{ctx->db(), ctx->audit(), ctx->clock(), ctx->cipher()});
    if (!rep.ok()) runtime::Fail(rep.error());
    std::cout << "linked " << rep->linked << " of " << rep->checked << " unlinked trainees\n";
  });
}

}  // namespace ruralec::training
