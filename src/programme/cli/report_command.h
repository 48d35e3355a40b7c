// `ruralec report quarterly --db FILE --programme ID --quarter 2018Q4 --out FILE.xlsx`: the
// quarterly report workbook of a stored programme (docs/REPORTS.md). ID is the programme's
// database id or its key (latest version). Exit 0 on success; 1 with a message naming the field
// (quarter, out, …) on error. Names, flags and exit codes are a contract for scripts.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::programme {

void AddReportCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::programme
