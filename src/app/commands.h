// Command-line commands of the ruralec binary. Each Add* registers one command group; the
// names, flags and outputs listed in README.md are a contract for outside scripts.
#pragma once

#include <CLI/CLI.hpp>

#include "core/result.h"

namespace ruralec::app {

void AddServeCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddRegionsCommand(CLI::App& app);
void AddUserCommand(CLI::App& app);
void AddCalendarCommand(CLI::App& app);
void AddValidateCommand(CLI::App& app);
void AddAuditCommand(CLI::App& app);
void AddBackupCommand(CLI::App& app);

// Prints an error for the operator and ends the command with exit code 1.
[[noreturn]] void Fail(const Error& e);

}  // namespace ruralec::app
