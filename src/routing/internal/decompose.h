// Route-based decomposition for large instances (Santini, Schneider, Vidal & Vigo 2023,
// "Decomposition strategies for vehicle routing heuristics"; the barycentre-angle variant of
// HGS, Vidal et al. 2013): routes of a plan are ordered by the polar angle of their
// barycentre around the depot, a run of consecutive routes (~kTargetClients clients) becomes
// a small CVRP solved by the same hybrid genetic search, and its routes replace the originals
// when they are cheaper. A small sub-problem converges in a fraction of the time the full
// search needs to improve the same region.
#pragma once

#include <random>
#include <vector>

#include "routing/internal/individual.h"
#include "routing/internal/instance.h"

namespace ruralec::routing::internal {

struct SubProblem {
  Problem problem;          // depot 0 of the parent, the chosen clients, one vehicle per route
  std::vector<int> nodes;   // parent node of each sub-problem node (depot first)
  std::vector<int> routes;  // parent vehicles (route indices) whose routes were taken
  Individual start;         // the taken routes in sub-problem numbering (a feasible start)
};

// Whether the instance supports decomposition: one depot, positions known, homogeneous fleet.
bool CanDecompose(const Instance& inst);

// Picks consecutive routes (by barycentre angle, from a random route) of `plan` until they hold
// at least target_clients clients, plus up to `extra` unused vehicles.
SubProblem MakeSubProblem(const Instance& inst, const Individual& plan, int target_clients,
                          int extra, std::mt19937_64& rng);

// Writes the sub-problem solution's routes back into plan (which must be the plan the
// sub-problem was made from); other routes are unchanged. Caller re-evaluates.
void Splice(const SubProblem& sub, const Individual& solved, Individual& plan);

}  // namespace ruralec::routing::internal
