// The households module's manifest (runtime/module.h): tables, permissions, dictionaries, audit
// labels, routes and commands of the poor-household register and the purchases ledger.
#pragma once

#include "runtime/module.h"

namespace ruralec::households {

const runtime::Module& ModuleDef();

}  // namespace ruralec::households
