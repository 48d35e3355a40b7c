// The products module's manifest (runtime/module.h): tables, permissions, dictionaries, audit
// labels, routes and the `trace` command of the specialty product library and traceability.
#pragma once

#include "runtime/module.h"

namespace ruralec::products {

const runtime::Module& ModuleDef();

}  // namespace ruralec::products
