// `ruralec audit verify --db FILE [--key-file F]`: exit 0 "ok: N rows verified", exit 1 naming
// the first bad row (README command table).
#pragma once

#include <CLI/CLI.hpp>

#include "runtime/module.h"

namespace ruralec::audit {

void AddAuditCommand(CLI::App& app, const runtime::CommandEnv& env);

}  // namespace ruralec::audit
