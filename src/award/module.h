// The award module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::award {

const runtime::Module& ModuleDef();

}  // namespace ruralec::award
