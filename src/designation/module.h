// The designation module's manifest (runtime/module.h): tables, permissions, dictionaries,
// audit labels, indicators, routes and commands of the demonstration designations.
#pragma once

#include "runtime/module.h"

namespace ruralec::designation {

const runtime::Module& ModuleDef();

}  // namespace ruralec::designation
