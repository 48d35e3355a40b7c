#include "routing/internal/decompose.h"

#include <gtest/gtest.h>

#include <random>

#include "routing/checker.h"
#include "routing/solver.h"
#include "routing/test_util.h"

namespace ruralec::routing::internal {
namespace {

Problem LargePlane(int clients, uint64_t seed) {
  const auto pts = testing::RandomPoints(clients, seed);
  Problem p = testing::PlaneProblem(pts, 100, clients / 8 + 4);
  for (const auto& pt : pts) p.points.push_back(GeoPoint{pt.y, pt.x});
  for (size_t i = 0; i < p.stops.size(); ++i)
    p.stops[i].delivery[0] = 1 + static_cast<int64_t>(i % 17);
  return p;
}

// A plan of consecutive blocks of 10 clients.
Individual BlockPlan(const Instance& inst) {
  Individual plan;
  plan.routes.assign(inst.vehicles().size(), {});
  for (int c = inst.num_depots(); c < inst.n(); ++c) plan.routes[(c - 1) / 10].push_back(c);
  return plan;
}

TEST(DecomposeTest, SubProblemTakesWholeRoutesWithTheParentsDistances) {
  const Problem p = LargePlane(120, 5);
  const Instance inst(p, 20);
  ASSERT_TRUE(CanDecompose(inst));
  const Individual plan = BlockPlan(inst);
  std::mt19937_64 rng(3);
  const SubProblem sub = MakeSubProblem(inst, plan, 35, 2, rng);
  // Whole routes of 10 until >= 35 clients: 4 routes, plus 2 unused vehicles.
  EXPECT_EQ(sub.problem.stops.size(), 40u);
  ASSERT_EQ(sub.routes.size(), 6u);
  EXPECT_EQ(sub.problem.vehicles.size(), 6u);
  for (size_t i = 0; i < sub.nodes.size(); ++i) {
    for (size_t j = 0; j < sub.nodes.size(); ++j)
      EXPECT_EQ(sub.problem.Dist(static_cast<int>(i), static_cast<int>(j)),
                p.Dist(sub.nodes[i], sub.nodes[j]));
  }
  // Splicing the untouched start back gives the original plan.
  Individual back = plan;
  Splice(sub, sub.start, back);
  EXPECT_EQ(back.routes, plan.routes);
}

TEST(DecomposeTest, SplicedSubSolutionReplacesOnlyTheTakenRoutes) {
  const Problem p = LargePlane(120, 6);
  const Instance inst(p, 20);
  const Individual plan = BlockPlan(inst);
  std::mt19937_64 rng(4);
  const SubProblem sub = MakeSubProblem(inst, plan, 25, 0, rng);
  Individual solved = sub.start;
  std::reverse(solved.routes[0].begin(), solved.routes[0].end());
  Individual back = plan;
  Splice(sub, solved, back);
  for (size_t r = 0; r < plan.routes.size(); ++r) {
    std::vector<int> expect = plan.routes[r];
    if (static_cast<int>(r) == sub.routes[0]) std::reverse(expect.begin(), expect.end());
    EXPECT_EQ(back.routes[r], expect) << "route " << r;
  }
}

// More than 200 clients: annealed ruin and recreate plus decomposition steps. Still checked
// feasible, complete and reproducible for a seed and an iteration count.
TEST(DecomposeTest, LargeInstanceSearchIsFeasibleAndReproducible) {
  const Problem p = LargePlane(240, 7);
  SolveOptions o;
  // Iterations bind first, also on a loaded machine: the limit is CPU time (a 60-s wall-clock
  // limit bound first at load 8 and the two runs differed).
  o.time_limit_seconds = 600;
  o.cpu_time = true;
  o.max_iterations = 40;
  o.population_min = 5;
  o.generation_size = 5;
  o.decomposition_every = 10;
  o.decomposition_clients = 60;
  o.decomposition_iterations = 30;
  auto a = Solve(p, o), b = Solve(p, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(CheckSolution(p, *a).feasible);
  EXPECT_TRUE(a->unserved.empty());
  ASSERT_EQ(a->routes.size(), b->routes.size());
  for (size_t r = 0; r < a->routes.size(); ++r) EXPECT_EQ(a->routes[r].stops, b->routes[r].stops);
}

}  // namespace
}  // namespace ruralec::routing::internal
