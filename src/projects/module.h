// The projects module's manifest (runtime/module.h): tables, permissions, dictionaries,
// audit labels and routes of projects (项目申报评审验收).
#pragma once

#include "runtime/module.h"

namespace ruralec::projects {

const runtime::Module& ModuleDef();

}  // namespace ruralec::projects
