// `ruralec funds verify --db FILE [--key-file F] [--fund ID]`: exit 0 when every fund's ledger
// holds (chain, balances, no negative balance), 1 naming the first violation (docs/FUNDS.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::funds::cli {

void AddFundsCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::funds::cli
