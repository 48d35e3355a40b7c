// The modules of this binary, in dependency order (generated from src/app/CMakeLists.txt).
#pragma once

#include "runtime/module.h"

namespace ruralec::app {

const runtime::ModuleList& Modules();

}  // namespace ruralec::app
