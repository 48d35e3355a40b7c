// `ruralec route solve ...`: the command-line edge of the routing library. The flags are a
// contract for outside scripts (see docs/ROUTING.md):
//   route solve --vrp FILE.vrp|FILE.vrpspd --time-limit SECONDS [--seed N] [--sol OUT.sol]
//   route solve --json PROBLEM.json --time-limit SECONDS [--seed N] [--out PLAN.json]
// The last line printed on stdout is always "cost <integer>".
#pragma once

#include <CLI/CLI.hpp>

namespace ruralec::routing {

void AddRouteCommand(CLI::App& app);

}  // namespace ruralec::routing
