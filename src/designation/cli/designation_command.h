// `ruralec designations list|import|template`: the designations a user may read, tab-separated;
// the spreadsheet import and its template (imports module commands: exit 0 / 2 rows rejected / 1
// file refused).
#pragma once

#include "runtime/module.h"

namespace ruralec::designation {

void AddDesignationCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::designation
