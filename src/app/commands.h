// The platform commands of the ruralec binary (the modules add theirs through their
// manifests). Names, flags and outputs listed in README.md are a contract for outside scripts.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::app {

void AddServeCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddValidateCommand(CLI::App& app);
void AddBackupCommand(CLI::App& app);
// Every module's commands (Modules()), opening contexts with every module wired.
void AddModuleCommands(CLI::App& app);

}  // namespace ruralec::app
