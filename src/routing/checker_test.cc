#include "routing/checker.h"

#include <gtest/gtest.h>

#include "routing/test_util.h"

namespace ruralec::routing {
namespace {

// Depot at 0; stops on a line at x = 10, 20, 30.
Problem LineProblem() {
  Problem p = testing::PlaneProblem({{0, 0}, {10, 0}, {20, 0}, {30, 0}}, 10, 2);
  p.stops[0].delivery[0] = 4;
  p.stops[1].delivery[0] = 4;
  p.stops[2].pickup[0] = 6;
  return p;
}

Solution Plan(const Problem& p, std::vector<std::vector<int>> routes) {
  Solution s;
  for (size_t k = 0; k < routes.size(); ++k) {
    Route r;
    r.vehicle = static_cast<int>(k);
    r.stops = routes[k];
    s.routes.push_back(r);
  }
  FinalizeSolution(p, s);
  return s;
}

TEST(CheckerTest, AcceptsFeasiblePlanAndRecomputesCost) {
  const Problem p = LineProblem();
  const CheckReport rep = CheckSolution(p, Plan(p, {{0, 1}, {2}}));
  EXPECT_TRUE(rep.feasible) << (rep.violations.empty() ? "" : rep.violations[0]);
  EXPECT_EQ(rep.distance, 40 + 60);
  EXPECT_DOUBLE_EQ(rep.cost, 100);
}

TEST(CheckerTest, ChecksLoadAfterEveryStopNotJustTotals) {
  const Problem p = LineProblem();
  // Leaves with 8, drops 4 + 4, then picks up 6: never above 10.
  EXPECT_TRUE(CheckSolution(p, Plan(p, {{0, 1, 2}})).feasible);
  // Picking up 6 first while still carrying 8 deliveries: 14 > 10.
  const CheckReport rep = CheckSolution(p, Plan(p, {{2, 0, 1}}));
  EXPECT_FALSE(rep.feasible);
}

TEST(CheckerTest, DetectsMissingDuplicateLateAndWrongCost) {
  Problem p = LineProblem();
  EXPECT_FALSE(CheckSolution(p, Plan(p, {{0, 1}})).feasible);          // stop 2 missing
  EXPECT_FALSE(CheckSolution(p, Plan(p, {{0, 1, 2}, {2}})).feasible);  // stop 2 twice
  p.stops[1].window = {0, 15};  // stop 1 at x=20 cannot be reached by t=15 after stop 0
  EXPECT_FALSE(CheckSolution(p, Plan(p, {{0, 1}, {2}})).feasible);
  const Problem q = LineProblem();
  Solution s = Plan(q, {{0, 1}, {2}});
  s.cost.distance += 1;
  EXPECT_FALSE(CheckSolution(q, s).feasible);
}

TEST(CheckerTest, DetectsVehicleReuseAndShiftLength) {
  Problem p = LineProblem();
  Solution s = Plan(p, {{0, 1}, {2}});
  s.routes[1].vehicle = 0;
  FinalizeSolution(p, s);
  EXPECT_FALSE(CheckSolution(p, s).feasible);
  p.vehicles[1].max_duration = 59;  // the route to x=30 and back takes 60
  EXPECT_FALSE(CheckSolution(p, Plan(p, {{0, 1}, {2}})).feasible);
}

}  // namespace
}  // namespace ruralec::routing
