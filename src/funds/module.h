// The funds module's manifest (runtime/module.h): 专项资金 — funds, projects and their ledger.
#pragma once

#include "runtime/module.h"

namespace ruralec::funds {

const runtime::Module& ModuleDef();

}  // namespace ruralec::funds
