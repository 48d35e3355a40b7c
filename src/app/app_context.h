// Opening the runtime context with every module of the binary (tests and benchmarks use it to
// get exactly what `ruralec serve` has).
#pragma once

#include <memory>

#include "app/modules.h"
#include "runtime/context.h"

namespace ruralec::app {

using AppOptions = runtime::Options;
using AppContext = runtime::Context;

// runtime::Context::Open with Modules().
Result<std::unique_ptr<AppContext>> Open(const AppOptions& options, const Clock& clock);

}  // namespace ruralec::app
