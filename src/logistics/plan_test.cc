#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/clock.h"
#include "logistics/api/plan_request.h"
#include "logistics/plan_runner.h"
#include "logistics/plan_store.h"
#include "routing/io/json_io.h"
#include "routing/rural.h"
#include "storage/testing.h"

namespace ruralec::logistics {
namespace {

using api::kMaxStops;
using api::kSynchronousIterations;
using api::kSynchronousTimeLimitSeconds;
using api::ParsePlanRequest;
using nlohmann::json;

json TinyProblem(int stops) {
  json doc = {{"depots", {{{"id", "hub"}, {"lat", 33.6}, {"lon", 117.0}}}},
              {"vehicles", {{{"id", "van"}, {"start_depot", "hub"}, {"capacity", {100}}}}}};
  doc["stops"] = json::array();
  for (int i = 0; i < stops; ++i) {
    doc["stops"].push_back({{"id", "s" + std::to_string(i)},
                            {"lat", 33.6 + 0.01 * i},
                            {"lon", 117.0 + 0.005 * (i % 3)},
                            {"delivery", {1}}});
  }
  return doc;
}

TEST(PlanRequestTest, BoundsNameTheField) {
  json big = TinyProblem(1);
  big["stops"] = json::array();
  for (size_t i = 0; i <= kMaxStops; ++i) big["stops"].push_back({{"id", std::to_string(i)}});
  auto r = ParsePlanRequest(big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "stops");

  json sync = TinyProblem(13);
  sync["options"] = {{"synchronous", true}};
  r = ParsePlanRequest(sync);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "options.synchronous");

  json opts = TinyProblem(3);
  opts["options"] = {{"time_limit_seconds", 0}};
  r = ParsePlanRequest(opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "options.time_limit_seconds");
}

TEST(PlanRequestTest, SynchronousSmallProblemGetsIterationCap) {
  json doc = TinyProblem(5);
  doc["options"] = {{"synchronous", true}, {"time_limit_seconds", 30}, {"seed", 4}};
  auto r = ParsePlanRequest(doc);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->synchronous);
  EXPECT_EQ(r->options.seed, 4u);
  EXPECT_LE(r->options.time_limit_seconds, kSynchronousTimeLimitSeconds);
  EXPECT_EQ(r->options.max_iterations, kSynchronousIterations);
  EXPECT_EQ(r->problem.stops.size(), 5u);
  EXPECT_EQ(json::parse(r->problem_json).count("options"), 0u);
}

int64_t Insert(storage::Database& db, int64_t now, int64_t limit_ms) {
  PlanRow row;
  row.county_code = "341302000000";
  row.region_code = "341302000000";
  row.created_by = 1;
  row.problem = "{}";
  row.options = "{}";
  row.time_limit_ms = limit_ms;
  row.created_at = now;
  auto conn = db.Acquire();
  auto id = InsertPlan(*conn, row);
  EXPECT_TRUE(id.ok());
  return id.ok() ? *id : 0;
}

PlanRow Find(storage::Database& db, int64_t id) {
  auto conn = db.Acquire();
  auto row = FindPlan(*conn, id);
  EXPECT_TRUE(row.ok() && row->has_value());
  return row.ok() && row->has_value() ? **row : PlanRow{};
}

TEST(PlanRunnerTest, ShutdownCancelsARunningSolve) {
  storage::testing::TempDatabase tmp;
  FakeClock clock(1'700'000'000'000);
  const int64_t id = Insert(tmp.db(), clock.NowMs(), 60'000);
  auto runner = std::make_unique<PlanRunner>(tmp.db(), clock, 1, 4);
  PlanJob job{id, routing::MakeRuralProblem(routing::RuralOptions{}), {}};
  job.options.time_limit_seconds = 60;
  ASSERT_TRUE(runner->Submit(std::move(job)).ok());
  for (int i = 0; i < 200 && Find(tmp.db(), id).status != kRunning; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(Find(tmp.db(), id).status, kRunning);
  const auto t0 = std::chrono::steady_clock::now();
  runner.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
  const PlanRow row = Find(tmp.db(), id);
  EXPECT_EQ(row.status, kFailed);
  EXPECT_EQ(row.error_message.value_or(""), "服务停止，任务中断");
}

TEST(PlanStoreTest, OverdueJobsOfAGoneInstanceFail) {
  storage::testing::TempDatabase tmp;
  FakeClock clock(1'700'000'000'000);
  const int64_t running = Insert(tmp.db(), clock.NowMs(), 10'000);
  const int64_t queued = Insert(tmp.db(), clock.NowMs(), 10'000);
  {
    auto conn = tmp.db().Acquire();
    ASSERT_TRUE(MarkRunning(*conn, running, clock.NowMs()).ok());
    auto n = FailStalePlans(*conn, clock.NowMs() + 60'000);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 0);  // within time limit + grace
    n = FailStalePlans(*conn, clock.NowMs() + 71'000);
    EXPECT_EQ(*n, 1);
    n = FailStalePlans(*conn, clock.NowMs() + kQueuedTimeoutMs + 1);
    EXPECT_EQ(*n, 1);
  }
  EXPECT_EQ(Find(tmp.db(), running).status, kFailed);
  EXPECT_EQ(Find(tmp.db(), queued).error_message.value_or(""), "服务重启，任务中断");
}

}  // namespace
}  // namespace ruralec::logistics
