// `ruralec calendar workdays-after YYYY-MM-DD N [--db FILE]` and `ruralec calendar import --db
// FILE` (README command table), and the import they run (also used by serve and demo).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/context.h"
#include "runtime/module.h"

namespace ruralec::calendar {

// Loads every npm chinese-days year the database lacks (admin-added years are kept).
Result<int> ImportCalendar(runtime::Context& ctx);

void AddCalendarCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::calendar
