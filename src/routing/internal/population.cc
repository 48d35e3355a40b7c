#include "routing/internal/population.h"

#include <algorithm>
#include <numeric>

namespace ruralec::routing::internal {

bool Population::Add(const Individual& ind) {
  Insert(ind.feasible ? feasible_ : infeasible_, ind);
  if (ind.feasible && (!best_ || ind.cost < best_->cost - 1e-9)) {
    best_ = std::make_unique<Individual>(ind);
    best_->proximity.clear();
    return true;
  }
  return false;
}

void Population::Insert(SubPop& pop, const Individual& ind) {
  auto fresh = std::make_unique<Individual>(ind);
  fresh->proximity.clear();
  for (auto& other : pop) {
    const double d = BrokenPairs(inst_, *fresh, *other);
    auto by_dist = [](const std::pair<double, Individual*>& a,
                      const std::pair<double, Individual*>& b) { return a.first < b.first; };
    auto& op = other->proximity;
    op.insert(std::upper_bound(op.begin(), op.end(), std::make_pair(d, fresh.get()), by_dist),
              {d, fresh.get()});
    auto& fp = fresh->proximity;
    fp.insert(std::upper_bound(fp.begin(), fp.end(), std::make_pair(d, other.get()), by_dist),
              {d, other.get()});
  }
  pop.push_back(std::move(fresh));
  if (static_cast<int>(pop.size()) > params_.mu + params_.lambda) {
    while (static_cast<int>(pop.size()) > params_.mu) RemoveWorst(pop);
  }
}

double Population::AvgCloseDistance(const Individual& ind) const {
  const size_t k = std::min<size_t>(params_.close, ind.proximity.size());
  if (k == 0) return 0;
  double sum = 0;
  for (size_t i = 0; i < k; ++i) sum += ind.proximity[i].first;
  return sum / static_cast<double>(k);
}

void Population::UpdateFitness(SubPop& pop) {
  const size_t n = pop.size();
  if (n == 1) {
    pop[0]->biased_fitness = 0;
    return;
  }
  std::vector<size_t> by_cost(n), by_div;
  std::iota(by_cost.begin(), by_cost.end(), 0);
  std::stable_sort(by_cost.begin(), by_cost.end(),
                   [&](size_t a, size_t b) { return pop[a]->penalised < pop[b]->penalised; });
  std::vector<double> div(n);
  for (size_t i = 0; i < n; ++i) div[by_cost[i]] = -AvgCloseDistance(*pop[by_cost[i]]);
  by_div = by_cost;
  std::stable_sort(by_div.begin(), by_div.end(),
                   [&](size_t a, size_t b) { return div[a] < div[b]; });
  std::vector<double> div_rank(n);
  for (size_t i = 0; i < n; ++i)
    div_rank[by_div[i]] = static_cast<double>(i) / static_cast<double>(n - 1);
  const double w = 1.0 - static_cast<double>(params_.elite) / static_cast<double>(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t idx = by_cost[i];
    pop[idx]->biased_fitness =
        static_cast<double>(i) / static_cast<double>(n - 1) + std::max(0.0, w) * div_rank[idx];
  }
}

void Population::RemoveWorst(SubPop& pop) {
  UpdateFitness(pop);
  size_t cheapest = 0;
  for (size_t i = 1; i < pop.size(); ++i) {
    if (pop[i]->penalised < pop[cheapest]->penalised) cheapest = i;
  }
  size_t worst = cheapest == 0 ? 1 : 0;
  bool worst_clone = false;
  double worst_fit = -1;
  for (size_t i = 0; i < pop.size(); ++i) {
    if (i == cheapest) continue;  // the best of a sub-population always survives
    const bool clone = !pop[i]->proximity.empty() && pop[i]->proximity[0].first < 1e-9;
    if ((clone && !worst_clone) || (clone == worst_clone && pop[i]->biased_fitness > worst_fit)) {
      worst = i;
      worst_clone = clone;
      worst_fit = pop[i]->biased_fitness;
    }
  }
  Individual* gone = pop[worst].get();
  for (auto& other : pop) {
    auto& p = other->proximity;
    p.erase(std::remove_if(p.begin(), p.end(), [&](const auto& e) { return e.second == gone; }),
            p.end());
  }
  pop.erase(pop.begin() + static_cast<long>(worst));
}

const Individual& Population::Tournament() {
  UpdateFitness(feasible_);
  UpdateFitness(infeasible_);
  const size_t n = size();
  std::uniform_int_distribution<size_t> pick(0, n - 1);
  auto get = [&](size_t i) -> Individual& {
    return i < feasible_.size() ? *feasible_[i] : *infeasible_[i - feasible_.size()];
  };
  Individual& a = get(pick(rng_));
  Individual& b = get(pick(rng_));
  return a.biased_fitness < b.biased_fitness ? a : b;
}

void Population::Reprice(const Penalties& pen) {
  for (auto& ind : infeasible_) Evaluate(inst_, pen, *ind);
}

void Population::Clear() {
  feasible_.clear();
  infeasible_.clear();
}

const Individual* Population::BestInfeasible() const {
  const Individual* best = nullptr;
  for (const auto& ind : infeasible_) {
    if (!best || ind->penalised < best->penalised) best = ind.get();
  }
  return best;
}

}  // namespace ruralec::routing::internal
