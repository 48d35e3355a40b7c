// `ruralec logistics report --db FILE --region CODE --month YYYY-MM --out FILE.xlsx`: the
// monthly logistics statistics report (monthly_report.h) of a region (county, town or village);
// exit 0 written, 1 refused (unknown region, bad month, unwritable file).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::logistics {

void AddLogisticsCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::logistics
