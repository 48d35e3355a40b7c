// Independent feasibility checker. It re-simulates every route from the problem data alone and
// shares no code with the solver's segment bookkeeping, so a bug there cannot hide here.
#pragma once

#include <string>
#include <vector>

#include "routing/model.h"

namespace ruralec::routing {

struct CheckReport {
  bool feasible = true;
  std::vector<std::string> violations;  // human-readable, one per problem found
  double cost = 0;                      // recomputed total cost (incl. unserved penalties)
  int64_t distance = 0;                 // recomputed total distance
};

// Checks: every stop served exactly once or listed as unserved; vehicles used at most once;
// capacities in every dimension at departure and after each stop (pickup and delivery
// simultaneously); time windows, shifts, depot hours and route duration limits using the
// route's reported times; reported loads, distances and costs match a recomputation.
CheckReport CheckSolution(const Problem& problem, const Solution& solution);

}  // namespace ruralec::routing
