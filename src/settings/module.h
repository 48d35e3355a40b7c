// The settings module's manifest (runtime/module.h): 系统管理 — 字典管理 and 参数设置.
#pragma once

#include "runtime/module.h"

namespace ruralec::settings {

const runtime::Module& ModuleDef();

}  // namespace ruralec::settings
