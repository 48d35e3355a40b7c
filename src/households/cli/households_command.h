// `ruralec households import|template` and `ruralec purchases import|template` (README "Command
// line"; exits 0 done, 1 file refused, 2 rows rejected — like `sales import`).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::households {

void AddHouseholdCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::households
