// Test support for the access sweep and the personal-data canaries (tests/access): an in-process
// server on a SQLite file with the 埇桥区 regions and the calendar, driven by API script blocks
// (tests/api/README.md) whose requests are recorded; snapshots of every table to prove that a
// refused request changed nothing; the users the sweep tries routes as.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/script.h"
#include "app/app_context.h"
#include "http/server.h"
#include "storage/testing.h"

namespace ruralec::accesstest {

using Exchange = apitest::Env::Exchange;

struct Recorded {
  Exchange x;
  bool changed = false;  // the database (or the audit log) differed afterwards
};

class Server {
 public:
  Server();
  ~Server();
  std::string Start();  // "" or what failed
  // Runs a script file, recording each request (and whether it changed anything) into `rec`.
  std::string RunFixture(const std::string& path, std::vector<Recorded>* rec);
  std::string Run(const std::string& blocks);  // script blocks (users, logins, requests)
  std::string Var(const std::string& name) const { return script_->Var(name); }
  std::pair<std::string, std::string> SessionOf(const std::string& user) const {
    return script_->SessionOf(user);
  }
  // One request as `user` ("anonymous" = no session); `x` gets the answer.
  std::string Send(const std::string& user, const std::string& method, const std::string& path,
                   const std::string& body, Exchange* x);
  http::Server& server() { return *server_; }
  storage::Database& db() { return ctx_->db(); }
  FakeClock& clock() { return clock_; }
  int port() const { return env_.port; }
  // Called with each request RunFixture records, once recorded (the crash sweep snapshots).
  std::function<void(const Recorded&)> on_recorded;
  std::function<void()> on_login;  // after each `login` of RunFixture
  app::AppContext& ctx() { return *ctx_; }
  const std::filesystem::path& dir() const { return scratch_.dir(); }
  const std::string& db_path() const { return scratch_.target(); }
  void Stop();

 private:
  storage::testing::ScratchTarget scratch_;
  FakeClock clock_{1'700'000'000'000};
  std::unique_ptr<app::AppContext> ctx_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  apitest::Env env_;
  std::unique_ptr<apitest::Script> script_;
  std::vector<Recorded>* rec_ = nullptr;
  Exchange last_;
};

// Row counts and a digest of the rows of every table; the audit log as its head seq (the
// sessions and sign-in throttle tables change on every request and are left out).
struct Snapshot {
  std::map<std::string, int64_t> counts;
  std::map<std::string, size_t> digests;
  int64_t audit_seq = 0;
};
Snapshot Take(storage::Database& db);
// "" when nothing but `access.denied` audit entries appeared between the two, else what changed.
// Changes to `allowed` tables, and then audit entries of imports (`*.import`), are let pass.
std::string Changes(storage::Database& db, const Snapshot& before, const Snapshot& after,
                    const std::set<std::string>& allowed = {});

// The sweep's users: the sibling town's (341302101), one holding every business role, one per
// separated admin role and one per bound role, bound to the sibling-town object the fixture
// captured as `sibling_<kind>` (roles whose kind it did not capture are left out); and users of
// town A (341302100) made per permission to lack it.
class Users {
 public:
  explicit Users(Server& s) : s_(s) {}
  std::string Setup();
  // The sibling users holding `permission` (all of them for a route without one).
  std::vector<std::string> Siblings(const std::string& permission) const;
  // A town-A user whose roles lack the route's permission (for a route without one: every
  // permission of its module); "" when no role set can (a module without permissions).
  std::string WithoutPermission(const http::RouteEntry& e);

 private:
  Server& s_;
  std::map<std::string, std::set<std::string>> sibling_perms_;
  std::map<std::string, std::string> by_roles_;  // "a,b" → user
};

}  // namespace ruralec::accesstest
