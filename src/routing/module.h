// The routing module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::routing {

const runtime::Module& ModuleDef();

}  // namespace ruralec::routing
