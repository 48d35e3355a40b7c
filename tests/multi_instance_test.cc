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
#include "funds/ledger.h"
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

namespace ruralec {
namespace {

// Issue 21: two instances paying the same approval at once pay it once. A project of 50万
// approved and accepted; 16 clients split over both instances pay it at the same moment — the
// first 8 with one idempotency key (a retried request), the other 8 each with its own key (two
// clerks paying one approval). One payment is recorded; the retries answer it (200, repeated);
// the other keys are refused because nothing committed is left (409); the chain verifies.
TEST_F(MultiInstanceTest, TwoInstancesPayingOneApprovalPayItOnce) {
  auto& ctx = *instances_[0].ctx;
  ASSERT_TRUE(
      ctx.accounts()
          .CreateUser(nullptr, {"fin", "财务", {"finance_staff"}, "341302", {}, kPassword, false})
          .ok());
  funds::FundId fund;
  {
    auto conn = ctx.db().Acquire();
    funds::Fund f;
    f.county_code = "341302";
    f.name = "并发测试资金";
    f.amount = Fen{100'000'000};
    f.valid_from = CivilDate(2023, 1, 1);
    f.valid_to = CivilDate(2024, 12, 31);
    f.document = "埇财〔2023〕1号";
    f.categories = {{"logistics", "物流体系", Fen{100'000'000}}};
    fund = *funds::CreateFund(*conn, f, {});
    ASSERT_TRUE(funds::PutProject(*conn, fund, {"P-1", "物流中心"}).ok());
    for (auto [op, key] : {std::pair{funds::Op::kArrive, "a"}, {funds::Op::kCommit, "c"}}) {
      funds::TransferRequest r{
          op,         "logistics", "P-1", Fen{50'000'000}, CivilDate(2023, 3, 1), "埇财〔2023〕2号",
          "logistics"};
      r.idempotency_key = key;
      auto t = funds::Move(*conn, ctx.record_mac(), fund, r, {});
      ASSERT_TRUE(t.ok()) << t.error().message;
    }
    ASSERT_TRUE(funds::PutProject(
                    *conn, fund,
                    {"P-1", "物流中心", funds::ProjectStatus::kAccepted, CivilDate(2023, 6, 30)})
                    .ok());
  }
  auto [cookie, csrf] = Login(0, "fin", kPassword);
  ASSERT_FALSE(cookie.empty());
  constexpr int kClients = 16;
  std::vector<int> status(kClients, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i, cookie = cookie, csrf = csrf] {
      httplib::Client cli("127.0.0.1", instances_[i % 2].port);
      cli.set_read_timeout(60, 0);
      Json body = {
          {"op", "pay"},
          {"category", "logistics"},
          {"project", "P-1"},
          {"amount_fen", 50'000'000},
          {"value_date", "2023-07-01"},
          {"document", "国库支付2023-0701"},
          {"idempotency_key", i < kClients / 2 ? "pay-p1" : "pay-p1-" + std::to_string(i)}};
      auto res =
          cli.Post(("/api/v1/funds/" + std::to_string(fund.value) + "/transfers").c_str(),
                   {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, body.dump(), "application/json");
      status[i] = res ? res->status : -1;
    });
  }
  for (auto& c : clients) c.join();
  int created = 0, repeated = 0, refused = 0;
  for (int i = 0; i < kClients; ++i) {
    if (status[i] == 201) ++created;
    if (status[i] == 200) ++repeated;
    if (status[i] == 409) ++refused;
    if (i >= kClients / 2) EXPECT_NE(status[i], 200) << "client " << i;  // its own key
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(created + repeated + refused, kClients);
  EXPECT_GE(refused, kClients / 2 - 1);
  auto conn = instances_[1].ctx->db().Acquire();
  auto balances = funds::Balances(*conn, fund);
  ASSERT_TRUE(balances.ok());
  for (const auto& b : *balances) {
    if (b.account.kind == funds::Kind::kPaid) EXPECT_EQ(b.balance.value, 50'000'000);
    if (b.account.kind == funds::Kind::kCommitted) EXPECT_EQ(b.balance.value, 0);
  }
  auto verify = funds::Verify(*conn, instances_[1].ctx->record_mac(), fund);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->violation;
  EXPECT_EQ(verify->transfers, 3);
}

}  // namespace
}  // namespace ruralec
