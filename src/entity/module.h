// The entity module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::entity {

const runtime::Module& ModuleDef();

}  // namespace ruralec::entity
