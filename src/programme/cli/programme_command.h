// `ruralec programme check|show|load`: programme files (docs/PROGRAMME_FORMAT.md) from the
// command line. Names, flags, exit codes and the --json fields are a contract for scripts.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::programme {

void AddProgrammeCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::programme
