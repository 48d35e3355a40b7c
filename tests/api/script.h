// Runs one API test script (see README.md) against a live server.
#pragma once

#include <string>

#include "app/app_context.h"
#include "core/clock.h"

namespace ruralec::apitest {

struct Env {
  std::string host;
  int port = 0;
  app::AppContext* ctx = nullptr;
  FakeClock* clock = nullptr;
};

// Returns "" on success, else a message naming the file, line and what differed.
std::string RunScript(const std::string& path, Env& env);

}  // namespace ruralec::apitest
