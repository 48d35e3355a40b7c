// The imports module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::imports {

const runtime::Module& ModuleDef();

}  // namespace ruralec::imports
