// Runs every tests/api/cases/*.test against a fresh in-process server (port 0, temp DB,
// fake clock). RURALEC_TEST_DB=postgresql://… runs them on PostgreSQL instead (issue 4).
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "api/script.h"
#include "app/app_context.h"
#include "app/modules.h"
#include "app/routes.h"
#include "calendar/cli/calendar_command.h"
#include "region/cli/regions_command.h"
#include "storage/testing.h"

namespace ruralec::apitest {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e :
       fs::directory_iterator(std::string(RURALEC_SOURCE_DIR) + "/tests/api/cases")) {
    if (e.path().extension() == ".test") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The modules a case names on `module NAME` lines that this binary was built without (a module
// deleted from RURALEC_APP_MODULES): such a case is skipped, not failed.
std::vector<std::string> MissingModules(const std::string& path) {
  std::set<std::string> have;
  for (const runtime::Module* m : app::Modules()) have.insert(m->name);
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("module ", 0) == 0 && !have.count(line.substr(7))) out.push_back(line.substr(7));
  }
  return out;
}

class ApiScript : public ::testing::TestWithParam<std::string> {};

TEST_P(ApiScript, Passes) {
  const std::string path =
      std::string(RURALEC_SOURCE_DIR) + "/tests/api/cases/" + GetParam() + ".test";
  if (auto missing = MissingModules(path); !missing.empty())
    GTEST_SKIP() << "this binary has no module " << missing.front();
  spdlog::set_level(spdlog::level::warn);
  setenv("RURALEC_REFDATA", (std::string(RURALEC_SOURCE_DIR) + "/node_modules").c_str(), 1);
  storage::testing::ScratchTarget scratch;
  FakeClock clock(1'700'000'000'000);
  auto ctx = app::Open({scratch.target(), (scratch.dir() / "field.key").string()}, clock);
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  ASSERT_TRUE(region::ImportRegions(**ctx, {"341302"}).ok());
  ASSERT_TRUE(calendar::ImportCalendar(**ctx).ok());
  http::ServerConfig config;
  config.web_dir = "";
  config.threads = 4;
  auto server = app::BuildServer(**ctx, config);
  auto port = server->Bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok());
  std::thread t([&] { server->Run(); });
  Env env{"127.0.0.1", *port, ctx->get(), &clock};
  std::string err = RunScript(path, env);
  server->Stop();
  t.join();
  server.reset();  // before the database: handlers may own worker threads that use it
  ctx->reset();
  EXPECT_EQ(err, "");
}

INSTANTIATE_TEST_SUITE_P(Cases, ApiScript, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ruralec::apitest
