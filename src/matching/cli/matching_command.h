// `ruralec matching proposals --db FILE --as USERNAME --demand ID`: the ranked proposals of a
// demand with their reasons, as the user sees them (tab-separated; exit 0, or 1 with the reason).
#pragma once

#include "runtime/module.h"

namespace ruralec::matching {

void AddMatchingCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::matching
