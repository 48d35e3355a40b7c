// Public entry point of the routing library. The HTTP planning endpoint and the CLI both call
// Solve(); nothing here knows about files, JSON or HTTP.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "core/result.h"
#include "routing/model.h"

namespace ruralec::routing {

struct SolveOptions {
  double time_limit_seconds = 10;  // budget; the best solution so far is returned
  // false: time_limit_seconds is wall-clock time. true: it is the CPU time of each search
  // thread (CLOCK_THREAD_CPUTIME_ID), so that benchmarks on a shared, loaded machine measure
  // "N seconds on one core" fairly.
  bool cpu_time = false;
  int64_t max_iterations = -1;  // genetic iterations; >= 0 makes runs reproducible
  uint64_t seed = 1;
  int threads = 1;  // > 1 runs independent searches (seed, seed+1, ...)
  // When set and true, the search stops at the next iteration and returns its best plan
  // (server shutdown).
  const std::atomic<bool>* cancel = nullptr;
  // Hybrid genetic search parameters (Vidal 2022 defaults).
  int granular_neighbours = 20;
  int population_min = 25;
  int generation_size = 40;
  int elite = 4;
  int close = 5;
  int64_t iterations_without_improvement = 20000;  // restart trigger
  // Penalties of excess load and time warp are adapted every penalty_window iterations (and
  // every 1 % of a time budget) towards a share of feasible local-search outcomes; the
  // time-warp penalty starts at
  // time_penalty_start times the cost of a distance unit.
  int penalty_window = 100;
  double time_penalty_start = 1;
  // With time windows, clients are reinserted (ruin and recreate, route crossover) at the
  // least penalised cost, time warp included, rather than by distance alone.
  bool timed_insertion = true;
  // Share (percent) of ruin-and-recreate steps that also remove a whole small route; -1: 50
  // with time windows, 0 otherwise.
  int route_ruin_percent = -1;
  // Large instances (more than ruin_recreate_from_clients): ruin-and-recreate children of a current
  // plan accepted by simulated annealing; temperature from annealing_start to annealing_end times
  // the mean arc cost of the best plan, geometrically over the budget.
  int ruin_recreate_from_clients = 200;
  int ruin_recreate_percent = 97;    // the other children come from crossover
  int ruin_min = 10, ruin_max = 40;  // clients removed by the cluster ruin
  int string_ruin_percent = 0;       // share of ruin steps that remove strings (SISR) instead
  double annealing_start = 0.3;
  double annealing_end = 0.001;
  // Route-based decomposition (one depot, homogeneous fleet, positions known): every
  // decomposition_every iterations (0: never) a polar sector of about decomposition_clients
  // clients is re-solved as a sub-problem for decomposition_iterations iterations.
  int decomposition_every = 300;
  int decomposition_clients = 150;
  int decomposition_iterations = 1000;
};

struct Progress {
  double seconds = 0;
  int64_t iteration = 0;
  double best_cost = 0;   // best feasible cost so far (0 if none yet)
  bool improved = false;  // false: a heartbeat without a new best
};
// Called when the best feasible solution improves, and otherwise about once a second (a
// heartbeat with improved = false). Return false to stop early: the best plan so far is kept.
using ProgressCallback = std::function<bool(const Progress&)>;

// Solves the problem. The returned solution is scheduled and has passed CheckSolution(); stops
// that no feasible plan could serve are listed as unserved and charged their penalty.
// Errors: invalid problem (kInvalidArgument with the offending field), or kInternal if the
// independent checker rejects the final plan.
Result<Solution> Solve(const Problem& problem, const SolveOptions& options,
                       const ProgressCallback& progress = nullptr);

}  // namespace ruralec::routing
