// GET /home/work (docs/API.md "Home"): the caller's to-dos and key figures from every module
// (runtime::CollectWork), to-dos most urgent first; a provider that failed or was late is one
// line of `errors`, never a failed request.
#pragma once

#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::home {

void RegisterWorkRoute(http::Server& s, runtime::Context& ctx);

}  // namespace ruralec::home
