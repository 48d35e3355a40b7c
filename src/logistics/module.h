// The logistics module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::logistics {

const runtime::Module& ModuleDef();

}  // namespace ruralec::logistics
