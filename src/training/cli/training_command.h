// `ruralec training attendance import --db FILE --as USERNAME [--mode …] PATH.xlsx|.csv`,
// `ruralec training attendance template --out FILE.xlsx` and its short form
// `ruralec training template --out FILE.xlsx` (exits 0 done, 1 file refused, 2 rows rejected —
// like `sales import`).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::training {

void AddTrainingCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::training
