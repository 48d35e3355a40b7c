// Hybrid genetic search driver (Vidal 2012/2022): parent selection by binary tournament on
// biased fitness, order crossover + optimal Split for a homogeneous fleet (route-based
// crossover with cheapest-insertion repair for a mixed fleet or several depots), granular
// local search, repair under 10x penalties, adaptive penalties, restarts.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <random>

#include "routing/internal/budget.h"
#include "routing/internal/individual.h"
#include "routing/internal/local_search.h"
#include "routing/internal/population.h"
#include "routing/solver.h"

namespace ruralec::routing::internal {

class Genetic {
 public:
  Genetic(const Instance& inst, const SolveOptions& options, uint64_t seed);

  // Runs until the budget is spent, the iteration limit or a false from the callback. Returns
  // the best feasible individual, or the least-penalised infeasible one if none was feasible.
  Individual Run(const Budget& budget, const ProgressCallback& progress);

 private:
  Individual RandomIndividual();
  bool UseSweepStarts() const;
  Individual SweepIndividual();
  bool UseRuinRecreate() const;
  Individual RuinRecreate(const Individual& parent);
  std::vector<int> RouteRuin(const Individual& parent, std::vector<char>& removed);
  std::vector<int> StringRuin(const Individual& parent, int target, std::vector<char>& removed);
  Individual Recreate(const Individual& parent, std::vector<int> out,
                      const std::vector<char>& removed);
  int RouteRuinPercent() const;
  Individual Crossover(const Individual& a, const Individual& b);
  Individual OrderCrossover(const Individual& a, const Individual& b);
  Individual RouteCrossover(const Individual& a, const Individual& b);
  void SplitTour(const std::vector<int>& tour, Individual& out);
  bool SplitLimited(const std::vector<int>& tour, int max_routes, Individual& out);
  void InsertMissing(std::vector<int> missing, Individual& out);
  void InsertMissingTimed(const std::vector<int>& missing, Individual& out);
  void Educate(Individual& ind, const std::vector<char>* focus = nullptr);
  void ManagePenalties();
  bool PenaltiesDue(const Budget& budget);
  bool Accept(double child, double current, const Budget& budget);
  bool UseDecomposition() const;
  void Decompose(const Budget& budget);

  const Instance& inst_;
  SolveOptions options_;
  std::mt19937_64 rng_;
  Penalties pen_;
  LocalSearch ls_;
  Population pop_;
  std::vector<char> load_ok_, time_ok_;  // recent local-search outcomes
  std::optional<Individual> best_;
  std::optional<Individual> current_;
  std::optional<Individual> start_;  // educated first (decomposition: the original routes)  // base
                                     // of ruin and recreate (simulated annealing)
  std::vector<char> focus_;          // routes changed by the last ruin and recreate
  int64_t iteration_ = 0;
  double last_penalty_update_ = 0;  // budget seconds
};

}  // namespace ruralec::routing::internal
