// The reporting module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::reporting {

const runtime::Module& ModuleDef();

}  // namespace ruralec::reporting
