// The sales module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::sales {

const runtime::Module& ModuleDef();

}  // namespace ruralec::sales
