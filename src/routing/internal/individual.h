// A candidate solution of the genetic search: one client sequence per vehicle.
#pragma once

#include <vector>

#include "routing/internal/instance.h"

namespace ruralec::routing::internal {

struct Individual {
  std::vector<std::vector<int>> routes;  // indexed by vehicle; client nodes in visiting order
  double penalised = 0;                  // cost under the penalties of the last evaluation
  double cost = 0;                       // user cost (no penalties)
  double load_excess = 0;
  int64_t time_excess = 0;
  bool feasible = false;
  std::vector<int> succ, pred;  // per node; -1 means a depot
  // Population bookkeeping.
  std::vector<std::pair<double, Individual*>> proximity;  // sorted by broken-pairs distance
  double biased_fitness = 0;
};

// Recomputes costs, feasibility and succ/pred from routes.
void Evaluate(const Instance& inst, const Penalties& pen, Individual& ind);
// Broken-pairs distance in [0, 1].
double BrokenPairs(const Instance& inst, const Individual& a, const Individual& b);
// Client nodes in route order (concatenation of routes), for order crossover.
std::vector<int> GiantTour(const Individual& ind);

}  // namespace ruralec::routing::internal
