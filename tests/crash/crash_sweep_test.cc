// Crash sweep (issue 20 item 4; docs/TESTING.md "Crash sweep"). Every write path the modules
// declare is a write route of the server's route table; the access sweep's fixture
// (tests/access/fixture.test) and tests/crash/writes.test call them as users do. For each write
// route the fixture called successfully, its first such request is replayed by a child process
// (this binary, run with
// --crash-child) on a copy of the database as it was just before that request; the child runs
// the real server in-process with tests/crash/crash_shim.c preloaded, which kills it (SIGKILL,
// as `kill -9`) just before its k-th write to a file (write, pwrite, fsync…: the WAL, the
// database, a temporary file) while the request is served. k runs over up to
// RURALEC_CRASH_POINTS (default 20) points spread over the request's writes, seeded per route.
// After each kill the database is reopened (the app, migrations and all) and must be exactly as
// before the request or as after it (every table's rows; the audit log's head), never half, and
// the audit chain must verify. Nothing here names a route: a new module's writes are swept as
// soon as the fixture makes its objects.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <regex>
#include <sstream>

#include "access/sweep_support.h"
#include "app/modules.h"
#include "app/routes.h"

extern char** environ;

namespace ruralec::crashtest {
namespace {
namespace fs = std::filesystem;
using accesstest::Snapshot;
using apitest::Env;

// One write path: the fixture's first successful request to a write route, with the database
// (a VACUUM INTO copy) and the clock just before it.
struct WritePath {
  std::string route, module;
  Env::Exchange x;
  int64_t clock_ms = 0;
  fs::path snapshot;
  std::pair<std::string, std::string> session;  // the user's (in the snapshot), no new login
};

const http::RouteEntry* RouteOf(const std::vector<http::RouteEntry>& routes,
                                const std::string& method, std::string path) {
  path = path.substr(0, path.find('?'));
  if (path.rfind("/api/v1", 0) != 0) return nullptr;
  path = path.substr(7);
  for (const auto& e : routes)
    if (e.method == method && std::regex_match(path, std::regex(e.pattern))) return &e;
  return nullptr;
}

bool Vacuum(storage::Database& db, const fs::path& to) {
  fs::remove(to);
  auto conn = db.Acquire();
  return conn->Exec("VACUUM INTO '" + to.string() + "'").ok();
}

// Runs the fixture, keeping the write paths (and a snapshot of the database before each).
std::vector<WritePath> RecordWritePaths(accesstest::Server& s, std::string* err) {
  std::vector<WritePath> out;
  std::set<std::string> seen;
  fs::path prev = s.dir() / "prev.db";
  Vacuum(s.db(), prev);
  std::vector<accesstest::Recorded> rec;
  s.on_recorded = [&](const accesstest::Recorded& r) {
    const auto& x = r.x;
    const auto* e = RouteOf(s.server().Routes(), x.method, x.path);
    bool write = x.method != "GET" && x.status / 100 == 2 && e && e->route.auth;
    if (write && seen.insert(e->method + " " + e->pattern).second) {
      fs::path snap = s.dir() / ("before_" + std::to_string(out.size()) + ".db");
      fs::rename(prev, snap);
      out.push_back({e->method + " " + e->pattern, e->module, x, s.clock().NowMs(), snap,
                     s.SessionOf(x.user)});
    }
    Vacuum(s.db(), prev);  // after every request: a `user` line's rows may precede the next
  };
  s.on_login = [&] { Vacuum(s.db(), prev); };
  *err = s.RunFixture(std::string(RURALEC_SOURCE_DIR) + "/tests/access/fixture.test", &rec);
  if (err->empty())
    *err = s.RunFixture(std::string(RURALEC_SOURCE_DIR) + "/tests/crash/writes.test", &rec);
  s.on_recorded = nullptr;
  s.on_login = nullptr;
  return out;
}

// Snapshots as text (the child writes the state it starts from; the digests are this binary's).
void WriteSnapshot(const Snapshot& s, std::ostream& out) {
  out << "audit_seq " << s.audit_seq << "\n";
  for (const auto& [t, n] : s.counts) out << t << " " << n << " " << s.digests.at(t) << "\n";
}
Snapshot ReadSnapshot(std::istream& in) {
  Snapshot s;
  std::string word;
  in >> word >> s.audit_seq;
  std::string t;
  int64_t n;
  size_t d;
  while (in >> t >> n >> d) s.counts[t] = n, s.digests[t] = d;
  return s;
}

// "before", "after" or what is half: `before` is the state the run started from, `after` and
// `after_base` a complete run's end and start (the contents of encrypted cells differ from run
// to run, so a table is compared as changed or not, and by its row count).
std::string Classify(const Snapshot& got, const Snapshot& before, const Snapshot& after,
                     const Snapshot& after_base) {
  if (got.counts == before.counts && got.digests == before.digests &&
      got.audit_seq == before.audit_seq)
    return "before";
  std::string half;
  if (got.audit_seq - before.audit_seq != after.audit_seq - after_base.audit_seq)
    half += "audit log " + std::to_string(got.audit_seq - before.audit_seq) +
            " entries (not 0 nor " + std::to_string(after.audit_seq - after_base.audit_seq) + "); ";
  for (const auto& [t, n] : after.counts) {
    bool changed = got.digests.count(t) && before.digests.count(t) &&
                   got.digests.at(t) != before.digests.at(t);
    bool should = after.digests.at(t) != after_base.digests.at(t);
    int64_t was = before.counts.count(t) ? before.counts.at(t) : 0;
    int64_t now = got.counts.count(t) ? got.counts.at(t) : 0;
    if (changed != should || now - was != n - after_base.counts.at(t))
      half += t + " rows " + std::to_string(was) + "→" + std::to_string(now) +
              (changed == should ? ""
               : changed         ? " (changed)"
                                 : " (unchanged)") +
              "; ";
  }
  return half.empty() ? "after" : "half: " + half;
}

// --crash-child DB KEY CLOCK_MS USER METHOD PATH BODY_FILE OUT_FILE COOKIE CSRF: serves the
// request on DB as USER (with that session; signed in afresh when COOKIE is ""), armed; writes the
// starting state, the status and the writes counted.
int Child(char** argv) {
  spdlog::set_level(spdlog::level::off);
  std::string db = argv[2], key = argv[3], out_file = argv[9];
  FakeClock clock(std::stoll(argv[4]));
  auto arm = reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "ruralec_crash_arm"));
  auto count = reinterpret_cast<long (*)()>(dlsym(RTLD_DEFAULT, "ruralec_crash_count"));
  if (!arm || !count) std::_Exit(3);  // the shim is not preloaded
  auto ctx = app::Open({db, key}, clock);
  if (!ctx.ok()) std::_Exit(4);
  http::ServerConfig config;
  config.web_dir = "";
  config.threads = 2;
  auto server = app::BuildServer(**ctx, config);
  auto port = server->Bind("127.0.0.1", 0);
  if (!port.ok()) std::_Exit(5);
  std::thread t([&] { server->Run(); });
  Env env{"127.0.0.1", *port, ctx->get(), &clock};
  int status = 0;
  env.on_request = [&](const Env::Exchange& x) { status = x.status; };
  apitest::Script script(env, "crash");
  std::string user = argv[5], cookie = argv[10];
  if (!cookie.empty())  // the fixture's session, in the copy: no password hashing per kill
    script.Adopt(user, cookie, argv[11]);
  if (!script.RunText((cookie.empty() ? "login " : "as ") + user + "\n").empty()) std::_Exit(6);
  std::ifstream bf(argv[8]);
  std::string body((std::istreambuf_iterator<char>(bf)), {});
  if (!body.empty() && body.back() != '\n') body += "\n";
  {
    std::ofstream out(out_file);
    WriteSnapshot(accesstest::Take((*ctx)->db()), out);
  }
  arm(1);
  script.RunText(std::string(argv[6]) + " " + argv[7] + "\n" + body + "expect any\n");
  arm(0);
  std::ofstream(out_file, std::ios::app) << "status " << status << " " << count() << "\n";
  std::_Exit(0);  // as if killed after the request: nothing more is written
}

struct ChildRun {
  bool killed = false;
  int status = 0;  // HTTP status when it finished
  long writes = 0;
  Snapshot start;
};

ChildRun Spawn(const WritePath& w, const fs::path& db, const fs::path& key, long crash_at) {
  fs::path dir = db.parent_path();
  std::ofstream(dir / "body.txt") << w.x.body;
  std::string out = (dir / "child.out").string();
  std::vector<std::string> args = {"/proc/self/exe",
                                   "--crash-child",
                                   db.string(),
                                   key.string(),
                                   std::to_string(w.clock_ms),
                                   w.x.user,
                                   w.x.method,
                                   w.x.path,
                                   (dir / "body.txt").string(),
                                   out,
                                   w.session.first,
                                   w.session.second};
  std::vector<std::string> env = {std::string("LD_PRELOAD=") + RURALEC_CRASH_SHIM,
                                  "RURALEC_CRASH_AT=" + std::to_string(crash_at)};
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("LD_PRELOAD=", 0) &&
        std::string_view(*e).rfind("RURALEC_CRASH_AT=", 0))
      env.push_back(*e);
  std::vector<char*> av, ev;
  for (auto& a : args) av.push_back(a.data());
  for (auto& e : env) ev.push_back(e.data());
  av.push_back(nullptr), ev.push_back(nullptr);
  pid_t pid;
  ChildRun r;
  if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, av.data(), ev.data()) != 0) return r;
  int st = 0;
  waitpid(pid, &st, 0);
  r.killed = WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
  if (!r.killed && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) r.status = -WEXITSTATUS(st);
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  size_t s = text.find("status ");
  std::istringstream head(text.substr(0, s));
  r.start = ReadSnapshot(head);
  if (s != std::string::npos) std::istringstream(text.substr(s + 7)) >> r.status >> r.writes;
  return r;
}

// The state of a database after a crash: reopened by the app (which must succeed), the audit
// chain verified ("" when it does, else what failed).
std::string Reopen(const fs::path& db, const fs::path& key, Snapshot* got) {
  FakeClock clock(0);
  auto ctx = app::Open({db.string(), key.string()}, clock);
  if (!ctx.ok()) return "reopen: " + ctx.error().message;
  auto conn = (*ctx)->db().Acquire();
  auto rep = (*ctx)->audit().Verify(*conn);
  if (!rep.ok()) return "audit verify: " + rep.error().message;
  if (!rep->ok) return "audit verify: the chain does not verify";
  *got = accesstest::Take((*ctx)->db());
  return "";
}

std::vector<long> Points(long writes, int route_index) {
  long want = 12;  // ~1,100 kills over the 91 write routes; deeper runs set the variable
  if (const char* e = std::getenv("RURALEC_CRASH_POINTS")) want = std::max(1L, std::atol(e));
  std::vector<long> out;
  if (writes <= want) {
    for (long k = 1; k <= writes; ++k) out.push_back(k);
    return out;
  }
  std::set<long> pick = {1, writes};  // the first write and the commit's last
  std::mt19937 rng(route_index);
  while (static_cast<long>(pick.size()) < want)
    pick.insert(std::uniform_int_distribution<long>(1, writes)(rng));
  return {pick.begin(), pick.end()};
}

class CrashSweep : public ::testing::TestWithParam<int> {};
constexpr int kShards = 4;

TEST_P(CrashSweep, EveryWritePathIsBeforeOrAfterAfterKill) {
  if (storage::testing::PostgresUrl().size()) GTEST_SKIP() << "SQLite only (see TESTING.md)";
  accesstest::Server s;
  ASSERT_EQ(s.Start(), "");
  std::string err;
  auto paths = RecordWritePaths(s, &err);
  ASSERT_EQ(err, "");
  int write_routes = 0;
  std::set<std::string> called;
  for (const auto& w : paths) called.insert(w.route);
  for (const auto& e : s.server().Routes()) {
    if (e.method == "GET" || !e.route.auth) continue;
    ++write_routes;
    if (GetParam() == 0 && !called.count(e.method + " " + e.pattern))
      std::cout << "  not called by the fixture: " << e.method << " " << e.pattern << " ["
                << e.module << "]\n";
  }
  s.Stop();
  fs::path key = s.dir() / "field.key", work = s.dir() / "work.db";
  int tried = 0, kills = 0, befores = 0, afters = 0, skipped = 0;
  for (size_t i = GetParam(); i < paths.size(); i += kShards) {
    const WritePath& w = paths[i];
    if (const char* only = std::getenv("RURALEC_CRASH_ONLY");  // a regex, while debugging
        only && !std::regex_search(w.route, std::regex(only)))
      continue;
    SCOPED_TRACE(w.route + " (" + w.module + "): " + w.x.method + " " + w.x.path);
    auto fresh = [&] {
      for (const char* ext : {"", "-wal", "-shm"}) fs::remove(work.string() + ext);
      fs::copy_file(w.snapshot, work);
    };
    fresh();
    ChildRun ref = Spawn(w, work, key, 0);
    Snapshot after;
    ASSERT_EQ(Reopen(work, key, &after), "");
    if (ref.status / 100 != 2 || ref.writes == 0) {  // replayed alone it does not write
      std::cout << "  not replayable: " << w.route << " → " << ref.status << std::endl;
      ++skipped;
      continue;
    }
    ++tried;
    for (long k : Points(ref.writes, static_cast<int>(i))) {
      fresh();
      ChildRun run = Spawn(w, work, key, k);
      Snapshot got;
      ASSERT_EQ(Reopen(work, key, &got), "") << "killed at write " << k << " of " << ref.writes;
      std::string state = Classify(got, run.start, after, ref.start);
      EXPECT_TRUE(state == "before" || state == "after")
          << "killed at write " << k << " of " << ref.writes << ": " << state;
      kills += run.killed, befores += state == "before", afters += state == "after";
    }
    std::cout << "  " << w.route << " [" << w.module << "]: " << ref.writes << " writes"
              << std::endl;
  }
  std::cout << "shard " << GetParam() << ": " << write_routes << " write routes, " << paths.size()
            << " called by the fixture; " << tried << " swept here (" << skipped
            << " not replayable), " << kills << " kills: " << befores << " before, " << afters
            << " after\n";
}

INSTANTIATE_TEST_SUITE_P(Shards, CrashSweep, ::testing::Range(0, kShards));

}  // namespace
}  // namespace ruralec::crashtest

int main(int argc, char** argv) {
  if (argc == 12 && std::string(argv[1]) == "--crash-child") return ruralec::crashtest::Child(argv);
  // A kill -9 loses nothing the kernel holds, so the disk's flushes only cost time here (0.6 s
  // each on a busy disk): the databases go to memory when the machine has /dev/shm.
  if (!std::getenv("TMPDIR") && access("/dev/shm", W_OK) == 0) setenv("TMPDIR", "/dev/shm", 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
