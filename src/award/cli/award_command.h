// `ruralec awards evaluate`: the award list of a programme for a period, from the command line.
// Contract for outside scripts (issue 7):
//   ruralec awards evaluate --db FILE --programme ID --period 2019 --json
// prints a JSON array of {subject_kind, subject_id, subject_name, rule_id, amount_fen,
// explanation: {...}}; amount_fen is null for lines flagged needs_local_setting or
// already_awarded (explanation.status says which). Rules without a data source produce no
// lines and are listed on stderr. Exit 0 on success, 1 on error. Read-only: nothing is stored.
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::award {

void AddAwardCommands(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::award
