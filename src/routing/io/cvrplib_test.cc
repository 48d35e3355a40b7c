#include "routing/io/cvrplib.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "routing/checker.h"
#include "routing/solver.h"

namespace ruralec::routing {
namespace {

constexpr char kSmallVrp[] = R"(NAME : tiny
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 3 4
3 1 1
4 0 7
DEMAND_SECTION
1 0
2 6
3 5
4 4
DEPOT_SECTION
1
-1
EOF
)";

TEST(CvrplibTest, ParsesEuc2dWithNintRounding) {
  std::istringstream in(kSmallVrp);
  auto inst = ParseCvrplib(in);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  const Problem& p = inst->problem;
  EXPECT_EQ(inst->name, "tiny");
  ASSERT_EQ(p.stops.size(), 3u);
  EXPECT_EQ(p.Dist(0, 1), 5);  // 3-4-5
  EXPECT_EQ(p.Dist(0, 2), 1);  // sqrt(2) = 1.41 -> 1
  EXPECT_EQ(p.Dist(1, 3), 4);  // sqrt(9 + 9) = 4.24 -> 4
  EXPECT_EQ(p.stops[0].delivery[0], 6);
  EXPECT_EQ(p.vehicles[0].capacity[0], 10);
  EXPECT_GE(p.vehicles.size(), 2u);
}

TEST(CvrplibTest, ParsesVrpspdExplicitMatrixWithPickupThenDelivery) {
  std::istringstream in(R"(NAME : spd
TYPE : VRPSPD
DIMENSION : 3
VEHICLES : 2
CAPACITY : 100
EDGE_WEIGHT_TYPE : EXPLICIT
EDGE_WEIGHT_FORMAT : FULL_MATRIX
EDGE_WEIGHT_SECTION
0 10 20
10 0 15
20 15 0
PICKUP_AND_DELIVERY_SECTION
1 0 0 1000 0 0 0
2 0 0 1000 0 30 70
3 0 0 1000 0 40 5
DEPOT_SECTION
1
-1
EOF
)");
  auto inst = ParseCvrplib(in);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  const Problem& p = inst->problem;
  EXPECT_EQ(p.vehicles.size(), 2u);
  EXPECT_EQ(p.Dist(1, 2), 15);
  EXPECT_EQ(p.stops[0].pickup[0], 30);
  EXPECT_EQ(p.stops[0].delivery[0], 70);
}

TEST(CvrplibTest, ErrorsNameTheLine) {
  std::string bad = kSmallVrp;
  bad.replace(bad.find("2 6"), 3, "2 x");
  std::istringstream in(bad);
  auto inst = ParseCvrplib(in);
  ASSERT_FALSE(inst.ok());
  EXPECT_NE(inst.error().message.find("line 13"), std::string::npos) << inst.error().message;
}

// Found by tests/fuzz/cvrplib_fuzz: a DEPOT_SECTION line that is no number threw
// std::invalid_argument out of the reader (ending `ruralec route solve`).
TEST(CvrplibTest, DepotSectionLineThatIsNoNumberIsAnErrorNamingTheLine) {
  for (std::string line : {" : 4", "x", "1x"}) {
    std::istringstream in("NAME : d\nDIMENSION : 3\nCAPACITY : 5\nDEPOT_SECTION\n" + line +
                          "\n-1\nEOF\n");
    auto inst = ParseCvrplib(in);
    ASSERT_FALSE(inst.ok()) << line;
    EXPECT_NE(inst.error().message.find("line 5"), std::string::npos) << inst.error().message;
  }
}

// Found by tests/fuzz/cvrplib_fuzz: a huge DIMENSION threw std::length_error (or reserved
// gigabytes) before a single node was read.
TEST(CvrplibTest, HugeDimensionIsRefused) {
  for (std::string dim : {"100001", "2222222222222222222"}) {
    std::istringstream in("NAME : d\nDIMENSION : " + dim +
                          "\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\nEOF\n");
    auto inst = ParseCvrplib(in);
    ASSERT_FALSE(inst.ok()) << dim;
    EXPECT_NE(inst.error().message.find("DIMENSION"), std::string::npos) << inst.error().message;
  }
}

// Found by tests/fuzz/cvrplib_fuzz (ASan: heap-buffer-overflow in Build): a DIMENSION stated
// again, larger, after the matrix.
TEST(CvrplibTest, MatrixThatDoesNotMatchTheDimensionIsRefused) {
  std::istringstream in(
      "NAME : m\nTYPE : CVRP\nDIMENSION : 2\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : EXPLICIT\n"
      "EDGE_WEIGHT_FORMAT : FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 1\n1 0\nDIMENSION : 3\n"
      "DEMAND_SECTION\n1 0\n2 1\n3 1\nEOF\n");
  auto inst = ParseCvrplib(in);
  ASSERT_FALSE(inst.ok());
}

// Found by tests/fuzz/cvrplib_fuzz (out of memory): each input must be refused with the field
// named, before anything is sized from it.
TEST(CvrplibTest, MalformedFiguresAreRefusedNamingTheField) {
  const std::string head = "NAME : t\nDIMENSION : 3\n";
  const std::string coords = "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 1 1\n";
  const std::string demand = "DEMAND_SECTION\n1 0\n2 5\n3 5\n";
  struct Case {
    std::string text, want;
  } cases[] = {
      {head + "CAPACITY : 1M-]\n" + coords + demand, "CAPACITY is not an integer"},
      {head + "CAPACITY : 10\nVEHICLES : 2x\n" + coords + demand, "VEHICLES is not an integer"},
      {head + "CAPACITY : 10\nNODE_COORD_SECTION\n1 0 5e41\n2 3 4\n3 1 1\n" + demand,
       "number out of range"},
      {head + "CAPACITY : 10\n" + coords + "DEMAND_SECTION\n1 0\n2 1e300\n3 5\n",
       "demand out of range"},
      {"NAME : t\nDIMENSION : 100000\nCAPACITY : 10\nDEMAND_SECTION\n1 0\n2 1\n",
       "neither coordinates nor an edge-weight matrix"},
  };
  for (const Case& c : cases) {
    std::istringstream in(c.text);  // no EOF line: a DEMAND_SECTION short of DIMENSION reads it
    auto inst = ParseCvrplib(in);
    ASSERT_FALSE(inst.ok()) << c.want;
    EXPECT_NE(inst.error().message.find(c.want), std::string::npos) << inst.error().message;
  }
}

// A fleet larger than the stops can never be used; the fuzz input asked for 8.5e10 vehicles.
TEST(CvrplibTest, FleetIsAtMostOneVehiclePerStop) {
  for (std::string vehicles : {"", "VEHICLES : 1000000000\n"}) {
    std::istringstream in("NAME : f\nDIMENSION : 3\nCAPACITY : 1\n" + vehicles +
                          "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 1 1\n"
                          "DEMAND_SECTION\n1 0\n2 65555555555\n3 1\nEOF\n");
    auto inst = ParseCvrplib(in);
    ASSERT_TRUE(inst.ok()) << inst.error().message;
    EXPECT_EQ(inst->problem.vehicles.size(), 2u) << vehicles;
  }
}

TEST(CvrplibTest, SolRoundTripReproducesRoutesAndCost) {
  std::istringstream in(kSmallVrp);
  auto inst = ParseCvrplib(in);
  ASSERT_TRUE(inst.ok());
  SolveOptions o;
  o.max_iterations = 50;
  auto sol = Solve(inst->problem, o);
  ASSERT_TRUE(sol.ok());
  std::istringstream sol_in(FormatSol(*sol));
  auto parsed = ParseSol(sol_in);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->cost, std::llround(sol->cost.total()));
  ASSERT_EQ(parsed->routes.size(), sol->routes.size());
  // Rebuild a solution from the file alone and check it independently.
  Solution again;
  for (size_t r = 0; r < parsed->routes.size(); ++r) {
    EXPECT_EQ(parsed->routes[r], sol->routes[r].stops);
    Route route;
    route.vehicle = static_cast<int>(r);
    route.stops = parsed->routes[r];
    again.routes.push_back(route);
  }
  FinalizeSolution(inst->problem, again);
  const CheckReport rep = CheckSolution(inst->problem, again);
  EXPECT_TRUE(rep.feasible);
  EXPECT_EQ(rep.distance, parsed->cost);
}

// A Solomon/Gehring–Homberger style instance in the VRPLIB format of PyVRP's collection.
constexpr char kSmallVrptw[] = R"(NAME : tw
TYPE : VRPTW
DIMENSION : 4
VEHICLES : 2
CAPACITY : 10
SERVICE_TIME : 9
EDGE_WEIGHT_TYPE : EUC_2D
NODE_COORD_SECTION
1 0 0
2 3 4
3 1 1
4 0 7
DEMAND_SECTION
1 0
2 6
3 5
4 4
TIME_WINDOW_SECTION
1 0 100
2 10 20
3 0 50
4 30 40
DEPOT_SECTION
1
-1
EOF
)";

TEST(CvrplibTest, VrptwUsesTheDimacsConventionInTenths) {
  std::istringstream in(kSmallVrptw);
  auto inst = ParseCvrplib(in);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  const Problem& p = inst->problem;
  EXPECT_EQ(inst->scale, 10);
  EXPECT_EQ(p.Dist(0, 1), 50);  // 5.0 exactly
  EXPECT_EQ(p.Dist(0, 2), 14);  // sqrt(2) = 1.414 -> 1.4, truncated
  EXPECT_EQ(p.Dist(1, 3), 42);  // sqrt(18) = 4.243 -> 4.2
  EXPECT_EQ(p.Time(1, 3), 42);  // travel time = distance
  EXPECT_EQ(p.stops[0].window.open, 100);
  EXPECT_EQ(p.stops[0].window.close, 200);
  EXPECT_EQ(p.stops[2].window.open, 300);
  EXPECT_EQ(p.stops[1].service_time, 90);
  EXPECT_EQ(p.depots[0].window.close, 1000);
  EXPECT_EQ(p.vehicles.size(), 2u);  // VEHICLES is the fleet limit
}

TEST(CvrplibTest, RoundingCanBeChosen) {
  std::istringstream tw(kSmallVrptw);
  auto nearest = ParseCvrplib(tw, Rounding::kNearest);
  ASSERT_TRUE(nearest.ok());
  EXPECT_EQ(nearest->scale, 1);
  EXPECT_EQ(nearest->problem.Dist(1, 3), 4);
  EXPECT_EQ(nearest->problem.stops[0].window.close, 20);
  std::istringstream cvrp(kSmallVrp);
  auto dimacs = ParseCvrplib(cvrp, Rounding::kDimacs);
  ASSERT_TRUE(dimacs.ok());
  EXPECT_EQ(dimacs->problem.Dist(1, 3), 42);
}

TEST(CvrplibTest, VrptwPlanRespectsTheWindowsByTheChecker) {
  std::istringstream in(kSmallVrptw);
  auto inst = ParseCvrplib(in);
  ASSERT_TRUE(inst.ok());
  SolveOptions o;
  o.max_iterations = 200;
  auto sol = Solve(inst->problem, o);
  ASSERT_TRUE(sol.ok());
  const CheckReport rep = CheckSolution(inst->problem, *sol);
  EXPECT_TRUE(rep.feasible) << (rep.violations.empty() ? "" : rep.violations[0]);
  EXPECT_TRUE(sol->unserved.empty());
  for (const Route& r : sol->routes) {
    for (const Visit& v : r.visits) {
      const TimeWindow& w = inst->problem.stops[v.stop].window;
      EXPECT_GE(v.service_start, w.open);
      EXPECT_LE(v.service_start, w.close);
    }
  }
}

TEST(CvrplibTest, TimeWindowThatClosesBeforeItOpensIsRefused) {
  std::string text = kSmallVrptw;
  text.replace(text.find("4 30 40"), 7, "4 40 30");
  std::istringstream in(text);
  auto inst = ParseCvrplib(in);
  ASSERT_FALSE(inst.ok());
  EXPECT_NE(inst.error().message.find("closes"), std::string::npos);
  EXPECT_NE(inst.error().message.find("line"), std::string::npos);
}

TEST(CvrplibTest, ReadsSharedBenchmarkInstanceIfPresent) {
  const char* env = std::getenv("RURALEC_SHARED_DIR");
  const char* src = std::getenv("RURALEC_SOURCE_DIR");
  const std::string shared = env ? env : (src ? std::string(src) + "/../shared" : "../shared");
  const std::string path = shared + "/bench/cvrplib/X/X-n101-k25.vrp";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared benchmark dir";
  auto inst = ReadCvrplibFile(path);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  EXPECT_EQ(inst->problem.stops.size(), 100u);
  EXPECT_EQ(inst->problem.vehicles[0].capacity[0], 206);
}

}  // namespace
}  // namespace ruralec::routing
