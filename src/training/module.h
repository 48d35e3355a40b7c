// The training module's manifest (runtime/module.h): tables, permissions, dictionaries, audit
// labels, indicators, routes and commands of e-commerce training (电商培训).
#pragma once

#include "runtime/module.h"

namespace ruralec::training {

const runtime::Module& ModuleDef();

}  // namespace ruralec::training
