// The region module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::region {

const runtime::Module& ModuleDef();

}  // namespace ruralec::region
