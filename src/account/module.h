// The account module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::account {

const runtime::Module& ModuleDef();

}  // namespace ruralec::account
