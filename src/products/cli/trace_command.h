// `ruralec trace verify --db FILE [--key-file F] [--batch ID]`: exit 0 when every batch's event
// chain holds, 1 naming the first bad event (docs/PRODUCTS.md "Chain").
#pragma once

#include "runtime/module.h"

namespace ruralec::products::cli {

void AddTraceCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::products::cli
