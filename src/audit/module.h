// The audit module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::audit {

const runtime::Module& ModuleDef();

}  // namespace ruralec::audit
