// ruralec: one binary for the server and every operator command.
#include <CLI/CLI.hpp>

#include "app/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ruralec — 农村电商综合示范管理平台 / rural e-commerce programme platform"};
  app.require_subcommand(1);
  ruralec::app::AddServeCommand(app);
  ruralec::app::AddDemoCommand(app);
  ruralec::app::AddValidateCommand(app);
  ruralec::app::AddBackupCommand(app);
  ruralec::app::AddModuleCommands(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
