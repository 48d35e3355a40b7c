// Two server instances on one database behave as one: sessions and lockouts are shared, and
// 32 concurrent read-modify-write requests split over both lose no update. Runs on SQLite by
// default and on PostgreSQL under scripts/test-pg (RURALEC_TEST_DB).
#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "account/account.h"
#include "app/app_context.h"
#include "app/routes.h"
#include "calendar/cli/calendar_command.h"
#include "region/cli/regions_command.h"
#include "region/region.h"
#include "storage/testing.h"

namespace ruralec {
namespace {

using Json = nlohmann::json;
constexpr char kPassword[] = "Sturdy-Passw0rd!";
constexpr char kVillage[] = "341302001003";

struct Instance {
  std::unique_ptr<app::AppContext> ctx;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  int port = 0;
};

class MultiInstanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    spdlog::set_level(spdlog::level::warn);
    setenv("RURALEC_REFDATA", (std::string(RURALEC_SOURCE_DIR) + "/node_modules").c_str(), 1);
    for (int i = 0; i < 2; ++i) Start(instances_[i]);
    auto& ctx = *instances_[0].ctx;
    ASSERT_TRUE(region::ImportRegions(ctx, {"341302"}).ok());
    ASSERT_TRUE(
        ctx.accounts()
            .CreateUser(nullptr, {"county", "县", {"county_staff"}, "341302", {}, kPassword, false})
            .ok());
  }
  void TearDown() override {
    for (auto& in : instances_) {
      in.server->Stop();
      in.thread.join();
      in.server.reset();
      in.ctx.reset();
    }
  }
  void Start(Instance& in) {
    auto ctx = app::Open({scratch_.target(), (scratch_.dir() / "field.key").string(), 20}, clock_);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    in.ctx = std::move(ctx).value();
    http::ServerConfig config;
    config.web_dir = "";
    config.threads = 24;
    in.server = app::BuildServer(*in.ctx, config);
    in.port = *in.server->Bind("127.0.0.1", 0);
    in.thread = std::thread([s = in.server.get()] { s->Run(); });
  }
  // Logs in on instance `i`; returns {cookie, csrf}.
  std::pair<std::string, std::string> Login(int i, const std::string& user, const std::string& pw) {
    httplib::Client cli("127.0.0.1", instances_[i].port);
    auto res = cli.Post("/api/v1/auth/login", Json{{"username", user}, {"password", pw}}.dump(),
                        "application/json");
    if (!res || res->status != 200) return {};
    std::string cookie = res->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), Json::parse(res->body)["csrf_token"]};
  }
  int LoginStatus(int i, const std::string& user, const std::string& pw) {
    httplib::Client cli("127.0.0.1", instances_[i].port);
    auto res = cli.Post("/api/v1/auth/login", Json{{"username", user}, {"password", pw}}.dump(),
                        "application/json");
    return res ? res->status : -1;
  }

  storage::testing::ScratchTarget scratch_;
  FakeClock clock_;
  Instance instances_[2];
};

TEST_F(MultiInstanceTest, SessionFromOneInstanceIsValidOnTheOther) {
  auto [cookie, csrf] = Login(0, "county", kPassword);
  ASSERT_FALSE(cookie.empty());
  httplib::Client b("127.0.0.1", instances_[1].port);
  auto me = b.Get("/api/v1/auth/me", {{"Cookie", cookie}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  auto put =
      b.Put("/api/v1/regions/341302001003/tags", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
            R"({"tags":["poverty_village"]})", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  // Logout on B ends the session on A.
  ASSERT_EQ(b.Post("/api/v1/auth/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "",
                   "application/json")
                ->status,
            200);
  httplib::Client a("127.0.0.1", instances_[0].port);
  EXPECT_EQ(a.Get("/api/v1/auth/me", {{"Cookie", cookie}})->status, 401);
}

TEST_F(MultiInstanceTest, LockoutOnOneInstanceHoldsOnTheOther) {
  for (int i = 0; i < 5; ++i) EXPECT_NE(LoginStatus(0, "county", "wrong-password-x"), 200);
  EXPECT_EQ(LoginStatus(1, "county", kPassword), 423);
  clock_.Advance(16 * 60 * 1000);
  EXPECT_EQ(LoginStatus(1, "county", kPassword), 200);
}

TEST_F(MultiInstanceTest, ConcurrentReadModifyWriteLosesNoUpdate) {
  constexpr int kClients = 32;
  {
    auto conn = instances_[0].ctx->db().Acquire();
    for (int i = 0; i < kClients; ++i) {
      ASSERT_TRUE(
          region::AddTagDef(*conn, {"t" + std::to_string(i), "标签" + std::to_string(i), false}, 0)
              .ok());
    }
  }
  auto [cookie, csrf] = Login(0, "county", kPassword);
  ASSERT_FALSE(cookie.empty());
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i, cookie = cookie, csrf = csrf] {
      httplib::Client cli("127.0.0.1", instances_[i % 2].port);
      cli.set_read_timeout(60, 0);
      auto res = cli.Post(
          ("/api/v1/regions/" + std::string(kVillage) + "/tags/t" + std::to_string(i)).c_str(),
          {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
      if (res && res->status == 200)
        ++ok;
      else
        ADD_FAILURE() << "client " << i << ": " << (res ? res->body : "no response");
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), kClients);
  auto conn = instances_[1].ctx->db().Acquire();
  auto village = region::Get(*conn, *RegionCode::Parse(kVillage));
  ASSERT_TRUE(village.ok());
  EXPECT_EQ(village->tags.size(), static_cast<size_t>(kClients));
  auto verify = instances_[1].ctx->audit().Verify(*conn);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->reason;
}

// Issue 15 item 11: the lockout is atomic with the password check. 40 parallel guesses split
// over both instances: at most kMaxFailures wrong passwords are ever evaluated (the probe saw 8),
// and the right password never gets in once kMaxFailures failures stand since the last success.
TEST_F(MultiInstanceTest, ParallelGuessesNeverExceedTheLockout) {
  constexpr int kClients = 40;
  std::vector<std::thread> clients;
  std::atomic<int> rejected{0}, locked{0}, admitted{0};
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      bool right = i % 4 == 3;  // every fourth client knows the password
      int status =
          LoginStatus(i % 2, "county", right ? kPassword : "wrong-guess-" + std::to_string(i));
      (status == 401 ? rejected : status == 423 ? locked : admitted)++;
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(rejected + locked + admitted, kClients);
  auto conn = instances_[0].ctx->db().Acquire();
  auto rows = conn->Query(
      "SELECT outcome FROM audit_log WHERE action = 'auth.login' AND username = 'county' "
      "AND outcome <> 'denied' ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  int failures_since_success = 0, evaluated_wrong = 0;
  for (const auto& r : *rows) {
    if (r.Text(0) == "success") {
      EXPECT_LT(failures_since_success, account::kMaxFailures) << "let in after the lockout";
      failures_since_success = 0;
    } else {
      ++evaluated_wrong;
      ++failures_since_success;
      EXPECT_LE(failures_since_success, account::kMaxFailures) << "guess evaluated while locked";
    }
  }
  EXPECT_GE(evaluated_wrong, rejected.load());
}

TEST_F(MultiInstanceTest, ParallelWrongGuessesEvaluateAtMostTheLimit) {
  constexpr int kClients = 40;
  std::vector<std::thread> clients;
  std::atomic<int> rejected{0};
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      if (LoginStatus(i % 2, "county", "wrong-guess-" + std::to_string(i)) == 401) ++rejected;
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_LE(rejected.load(), account::kMaxFailures);
  auto conn = instances_[1].ctx->db().Acquire();
  auto evaluated = conn->Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure'");
  ASSERT_TRUE(evaluated.ok());
  EXPECT_LE(evaluated->at(0).Int(0), account::kMaxFailures);
  EXPECT_EQ(LoginStatus(1, "county", kPassword), 423);
}

}  // namespace
}  // namespace ruralec
