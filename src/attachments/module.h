// The attachments module's manifest (runtime/module.h, docs/MODULES.md).
#pragma once

#include "runtime/module.h"

namespace ruralec::attachments {

const runtime::Module& ModuleDef();

}  // namespace ruralec::attachments
