// Runs one API test script (see README.md) against a live server.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "app/app_context.h"
#include "core/clock.h"

namespace ruralec::apitest {

struct Env {
  std::string host;
  int port = 0;
  app::AppContext* ctx = nullptr;
  FakeClock* clock = nullptr;
  // Called after every request block with what was sent and what came back (the access sweep
  // of tests/access records a fixture script's requests this way to replay them).
  struct Exchange {
    std::string user, method, path, body;
    int status = 0;
    std::string response;
  };
  std::function<void(const Exchange&)> on_request;
  // Called after each `login` (the crash sweep snapshots the database: `user` lines before it
  // made the users its next requests need).
  std::function<void(const std::string& user)> on_login;
};

// Returns "" on success, else a message naming the file, line and what differed.
std::string RunScript(const std::string& path, Env& env);

class Runner;

// A script run in steps that keep their state (users, sessions, captured variables, kept
// files): a fixture file, then generated blocks. `expect any` leaves the status to the caller.
class Script {
 public:
  Script(Env& env, const std::string& name);
  ~Script();
  std::string RunFile(const std::string& path);
  std::string RunText(const std::string& text);  // blocks in the format of a .test file
  // A variable captured so far (`capture`, `user`'s NAME.id); "" when there is none.
  std::string Var(const std::string& name) const;
  // A user's session (cookie, CSRF token) as signed in by `login`; Adopt makes another Script
  // use one (the crash sweep's child process, on a copy of the database holding it).
  std::pair<std::string, std::string> SessionOf(const std::string& user) const;
  void Adopt(const std::string& user, const std::string& cookie, const std::string& csrf);

 private:
  std::unique_ptr<Runner> r_;
};

}  // namespace ruralec::apitest
