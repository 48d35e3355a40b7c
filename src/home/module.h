// The home module's manifest (runtime/module.h, docs/MODULES.md): GET /home/work.
#pragma once

#include "runtime/module.h"

namespace ruralec::home {

const runtime::Module& ModuleDef();

}  // namespace ruralec::home
