// `ruralec user add --db FILE --username U --role ROLE --region CODE [--password-stdin]
// [--must-change]` (README command table).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::account {

void AddUserCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::account
