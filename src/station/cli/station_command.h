// `ruralec stations import|template [--records]` and `ruralec stations records import|template`
// (README "Command line"; exits 0 done, 1 file refused, 2 rows rejected — like `sales import`).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::station {

void AddStationCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::station
