// The disclosure module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::disclosure {

const runtime::Module& ModuleDef();

}  // namespace ruralec::disclosure
