// HGS population: feasible and infeasible sub-populations ranked by biased fitness (cost rank
// plus diversity rank from broken-pairs distance), survivor selection removing clones first.
#pragma once

#include <memory>
#include <random>
#include <vector>

#include "routing/internal/individual.h"

namespace ruralec::routing::internal {

struct PopulationParams {
  int mu = 25;
  int lambda = 40;
  int elite = 4;
  int close = 5;
};

class Population {
 public:
  Population(const Instance& inst, const PopulationParams& params, std::mt19937_64& rng)
      : inst_(inst), params_(params), rng_(rng) {}

  // Inserts a copy; returns true if it is a new best feasible solution.
  bool Add(const Individual& ind);
  const Individual& Tournament();
  // Re-evaluates infeasible individuals after a penalty change.
  void Reprice(const Penalties& pen);
  void Clear();
  const Individual* best() const { return best_ ? best_.get() : nullptr; }
  const Individual* BestInfeasible() const;
  size_t size() const { return feasible_.size() + infeasible_.size(); }

 private:
  using SubPop = std::vector<std::unique_ptr<Individual>>;
  void Insert(SubPop& pop, const Individual& ind);
  void UpdateFitness(SubPop& pop);
  void RemoveWorst(SubPop& pop);
  double AvgCloseDistance(const Individual& ind) const;

  const Instance& inst_;
  PopulationParams params_;
  std::mt19937_64& rng_;
  SubPop feasible_, infeasible_;
  std::unique_ptr<Individual> best_;
};

}  // namespace ruralec::routing::internal
