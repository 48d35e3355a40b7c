// The HTTP server of the binary: every module's routes, the dictionary endpoint assembled from
// the manifests, /modules, readiness. Used by `ruralec serve` and the API tests.
#pragma once

#include <memory>

#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::app {

std::unique_ptr<http::Server> BuildServer(runtime::Context& ctx, const http::ServerConfig& config);

}  // namespace ruralec::app
