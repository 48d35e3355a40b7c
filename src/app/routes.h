// Registers every module's routes on a server. Used by `ruralec serve` and the API tests.
#pragma once

#include <memory>

#include "app/app_context.h"
#include "http/server.h"

namespace ruralec::app {

std::unique_ptr<http::Server> BuildServer(AppContext& ctx, const http::ServerConfig& config);

}  // namespace ruralec::app
