#include "routing/io/json_io.h"

#include <gtest/gtest.h>

#include <cstdio>
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
// Found by tests/fuzz/routing_json_fuzz: a number too large for a double threw
// json::out_of_range out of the reader (ending `ruralec route solve`).
TEST(JsonIoTest, NumberOverflowIsAnError) {
  auto p = ParseProblemJson(R"({"num_dims": 1e1777777777777})");
  EXPECT_FALSE(p.ok());
}

}  // namespace ruralec::routing

namespace ruralec::routing {
// Found by routing_json_fuzz in CI: "stops": 5 (a number where the list belongs) reached json's
// operator[] on a non-array, which throws out of the reader and ended the process.
TEST(JsonIoTest, AListThatIsNotAnArrayNamesTheField) {
  for (const char* key : {"depots", "stops", "vehicles"}) {
    for (const char* value : {"5", "{\"a\": 1}", "\"x\"", "true"}) {
      const std::string text = std::string("{\"") + key + "\": " + value + "}";
      auto p = ParseProblemJson(text);
      ASSERT_FALSE(p.ok()) << text;
      EXPECT_EQ(p.error().field, key) << text;
    }
  }
}
}  // namespace ruralec::routing

namespace ruralec::routing {
// Found by routing_json_fuzz: json's get<int>() cast 1e177 to int (undefined behaviour). An
// integer field takes integers, and whole doubles within range; anything else names the field.
TEST(JsonIoTest, IntegerFieldsRefuseWhatDoesNotFit) {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {R"({"num_dims": 1e177})", "num_dims"},
      {R"({"num_dims": 1.5})", "num_dims"},
      {R"({"num_dims": 4294967297})", "num_dims"},
      {R"({"depots":[{"id":"d","window":{"open":18446744073709551615}}]})",
       "depots[0].window.open"},
      {R"({"depots":[{"id":"d"}],"stops":[{"id":"s","service_time":-1e300}]})",
       "stops[0].service_time"},
      {R"({"depots":[{"id":"d"}],"stops":[{"id":"s","delivery":[18446744073709551615]}]})",
       "stops[0].delivery"},
  };
  for (const Case& c : cases) {
    auto p = ParseProblemJson(c.text);
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.error().field, c.field) << c.text;
  }
  auto two = ParseProblemJson(
      R"({"num_dims": 2.0, "depots":[{"id":"d"}], "vehicles":[{"id":"v","start_depot":"d"}]})");
  ASSERT_TRUE(two.ok()) << two.error().message;
  EXPECT_EQ(two->num_dims, 2);
}

TEST(JsonIoTest, CoordinatesAndSpeedsOutOfRangeAreRefused) {
  const char* base = R"({"depots":[{"id":"d","lat":%s}],"vehicles":[{"id":"v","start_depot":"d"}],
      "speed_kmh": %s})";
  char buf[256];
  std::snprintf(buf, sizeof buf, base, "1e300", "40");
  EXPECT_EQ(ParseProblemJson(buf).error().field, "lat/lon");
  std::snprintf(buf, sizeof buf, base, "30", "1e-300");
  EXPECT_EQ(ParseProblemJson(buf).error().field, "speed_kmh");
  std::snprintf(buf, sizeof buf, base, "30", "40");
  EXPECT_TRUE(ParseProblemJson(buf).ok());
}
}  // namespace ruralec::routing
