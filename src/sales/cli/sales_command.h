// `ruralec sales …` commands (contract for outside scripts):
//   sales import --db FILE --as USERNAME [--mode all-or-nothing|valid-only] [--errors OUT.xlsx]
//                PATH.csv
//   sales template --out FILE.xlsx
// Import exit codes: 0 everything imported (or the file was imported before), 2 rows rejected
// (error workbook written to --errors, default PATH.errors.xlsx), 1 file refused / other error.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::sales {

void AddSalesCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::sales
