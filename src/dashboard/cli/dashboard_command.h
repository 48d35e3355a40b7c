// `ruralec dashboard package --region 341302 --period 2025-06 [--kind quarter] --out
// f.xlsx|f.json`: the statistics package for upward reporting, the same as GET
// /dashboard/{region}/package, written by an operator's cron job (no principal: the command runs
// with the database's rights).
#pragma once

#include "runtime/module.h"

namespace ruralec::dashboard {

void AddDashboardCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::dashboard
