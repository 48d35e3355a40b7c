// `ruralec parcels import --db FILE --as USERNAME [--mode all|valid] PATH` (csv, xlsx or .jsonl)
// and `ruralec parcels template --out FILE.xlsx`, on the imports module's commands (flags,
// report, exit codes 0 / 2 rows rejected / 1 file refused, error workbook) — as `sales import`.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::logistics {

void AddParcelCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::logistics
