#include "routing/io/json_io.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "routing/rural.h"
#include "routing/solver.h"

namespace ruralec::routing {
namespace {

TEST(JsonIoTest, ProblemRoundTrip) {
  RuralOptions ro;
  ro.villages = 20;
  ro.vehicles = 3;
  const Problem p = MakeRuralProblem(ro);
  auto back = ParseProblemJson(ProblemToJson(p));
  ASSERT_TRUE(back.ok()) << back.error().field << ": " << back.error().message;
  EXPECT_EQ(back->num_dims, 3);
  ASSERT_EQ(back->stops.size(), p.stops.size());
  EXPECT_EQ(back->stops[5].delivery, p.stops[5].delivery);
  EXPECT_EQ(back->stops[5].window.close, p.stops[5].window.close);
  EXPECT_EQ(back->vehicles[2].start_depot, p.vehicles[2].start_depot);
  EXPECT_NEAR(back->vehicles[0].cost_per_distance, p.vehicles[0].cost_per_distance, 1e-12);
  EXPECT_EQ(back->distance, p.distance);
  EXPECT_EQ(back->duration, p.duration);
}

TEST(JsonIoTest, CoordinatesGiveHaversineTimesRoadFactor) {
  auto p = ParseProblemJson(R"({
    "road_factor": 1.5, "speed_kmh": 36,
    "depots": [{"id": "c", "lat": 34.0, "lon": 113.0}],
    "stops": [{"id": "v1", "lat": 34.01, "lon": 113.0, "delivery": [2]}],
    "vehicles": [{"id": "t1", "start_depot": "c", "capacity": [10]}]})");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const int64_t straight = HaversineMetres({34.0, 113.0}, {34.01, 113.0});
  EXPECT_NEAR(straight, 1112, 2);
  EXPECT_NEAR(p->Dist(0, 1), straight * 1.5, 1);
  EXPECT_NEAR(p->Time(0, 1), straight * 1.5 / 10.0, 1);  // 36 km/h = 10 m/s
}

TEST(JsonIoTest, ErrorsCarryTheFieldPath) {
  auto p = ParseProblemJson(R"({"depots": [{"id": "c"}],
    "stops": [{"id": "v1"}],
    "vehicles": [{"id": "t1", "start_depot": "nowhere"}]})");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().field, "vehicles[0].start_depot");
  auto q = ParseProblemJson(R"({"depots": [{"id": "c"}], "stops": [{"id": "v1", "delivery": [-1]}],
    "vehicles": [{"id": "t1", "start_depot": "c"}]})");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().field, "stops[0].delivery");
}

TEST(JsonIoTest, PlanUsesIdsAndSchedule) {
  auto p = ParseProblemJson(R"({
    "depots": [{"id": "c", "lat": 34.0, "lon": 113.0}],
    "stops": [{"id": "v1", "lat": 34.01, "lon": 113.0, "delivery": [2], "window": {"open": 3600}}],
    "vehicles": [{"id": "t1", "start_depot": "c", "capacity": [10]}]})");
  ASSERT_TRUE(p.ok());
  SolveOptions o;
  o.max_iterations = 10;
  auto s = Solve(*p, o);
  ASSERT_TRUE(s.ok());
  const auto plan = nlohmann::json::parse(SolutionToJson(*p, *s));
  EXPECT_TRUE(plan["feasible"].get<bool>());
  EXPECT_EQ(plan["routes"][0]["vehicle"], "t1");
  EXPECT_EQ(plan["routes"][0]["visits"][0]["stop"], "v1");
  EXPECT_EQ(plan["routes"][0]["visits"][0]["service_start"], 3600);
}

}  // namespace
}  // namespace ruralec::routing
