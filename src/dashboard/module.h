// The dashboard module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::dashboard {

const runtime::Module& ModuleDef();

}  // namespace ruralec::dashboard
