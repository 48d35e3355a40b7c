// The station module's manifest (runtime/module.h): tables, permissions, dictionaries, audit
// labels, indicators, routes and commands of the village service stations.
#pragma once

#include "runtime/module.h"

namespace ruralec::station {

const runtime::Module& ModuleDef();

}  // namespace ruralec::station
