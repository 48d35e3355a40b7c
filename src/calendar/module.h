// The calendar module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::calendar {

const runtime::Module& ModuleDef();

}  // namespace ruralec::calendar
