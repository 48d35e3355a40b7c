// The programme module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::programme {

const runtime::Module& ModuleDef();

}  // namespace ruralec::programme
