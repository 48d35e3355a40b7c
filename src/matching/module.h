// The matching module's manifest (runtime/module.h): tables, permissions, dictionaries, audit
// labels and routes of listings, demands, matches and agreements.
#pragma once

#include "runtime/module.h"

namespace ruralec::matching {

const runtime::Module& ModuleDef();

}  // namespace ruralec::matching
