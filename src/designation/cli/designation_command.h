// `ruralec designations list`: the designations of a region as a table (or JSON lines).
#pragma once

#include "runtime/module.h"

namespace ruralec::designation {

void AddDesignationCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::designation
