#include "routing/solver.h"

#include <algorithm>
#include <thread>

#include "routing/checker.h"
#include "routing/internal/budget.h"
#include "routing/internal/genetic.h"
#include "routing/internal/instance.h"

namespace ruralec::routing {
namespace {

using internal::Individual;
using internal::Instance;
using internal::Seg;

// Whether vehicle v could serve stop s alone (capacity, windows, shift). Stops no vehicle can
// serve are reported unserved up front instead of poisoning the search.
bool SingleStopFeasible(const Problem& p, int s, const Vehicle& v) {
  const Stop& st = p.stops[s];
  for (int d = 0; d < kMaxDims; ++d) {
    if (std::max(st.delivery[d], st.pickup[d]) > v.capacity[d]) return false;
  }
  const int node = p.stop_node(s);
  const int64_t there = p.Time(v.start_depot, node), back = p.Time(node, v.end_depot);
  const int64_t dep = std::max(v.shift.open, p.depots[v.start_depot].window.open);
  const int64_t start = std::max(dep + there, st.window.open);
  if (start > st.window.close) return false;
  if (start + st.service_time + back > std::min(v.shift.close, p.depots[v.end_depot].window.close))
    return false;
  return there + st.service_time + back <= v.max_duration;
}

// Copy of the problem restricted to the given stops (matrix rows/columns sliced).
Problem Restrict(const Problem& p, const std::vector<int>& keep) {
  Problem r;
  r.num_dims = p.num_dims;
  r.depots = p.depots;
  r.vehicles = p.vehicles;
  std::vector<int> nodes;
  for (size_t d = 0; d < p.depots.size(); ++d) nodes.push_back(static_cast<int>(d));
  for (int s : keep) {
    r.stops.push_back(p.stops[s]);
    nodes.push_back(p.stop_node(s));
  }
  if (p.points.size() == static_cast<size_t>(p.num_nodes())) {
    for (int node : nodes) r.points.push_back(p.points[node]);
  }
  const size_t n = nodes.size();
  r.distance.resize(n * n);
  if (!p.duration.empty()) r.duration.resize(n * n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      r.distance[i * n + j] = p.Dist(nodes[i], nodes[j]);
      if (!p.duration.empty()) r.duration[i * n + j] = p.Time(nodes[i], nodes[j]);
    }
  }
  return r;
}

// Orders the kept stops along a greedy nearest-neighbour path from the first depot, so that the
// solver's node numbers follow geography: neighbouring clients get nearby indices and the hot
// distance lookups of the local search (rows of nearby nodes, nearby columns) share cache lines.
void OrderForLocality(const Problem& p, std::vector<int>& keep) {
  const size_t n = keep.size();
  std::vector<char> used(n, 0);
  std::vector<int> order;
  order.reserve(n);
  int at = p.depot_node(0);
  for (size_t k = 0; k < n; ++k) {
    size_t best = n;
    int64_t best_d = 0;
    for (size_t i = 0; i < n; ++i) {
      if (used[i]) continue;
      const int64_t d = p.Dist(at, p.stop_node(keep[i]));
      if (best == n || d < best_d) {
        best = i;
        best_d = d;
      }
    }
    used[best] = 1;
    order.push_back(keep[best]);
    at = p.stop_node(keep[best]);
  }
  keep.swap(order);
}

Seg RouteSeg(const Instance& inst, int vehicle, const std::vector<int>& route) {
  const auto& v = inst.vehicles()[vehicle];
  Seg s = v.start_seg;
  for (int c : route) s = inst.Join(s, inst.NodeSeg(c));
  return inst.Join(s, v.end_seg);
}

bool RouteFeasible(const Instance& inst, int vehicle, const std::vector<int>& route) {
  const Seg s = RouteSeg(inst, vehicle, route);
  const auto& v = inst.vehicles()[vehicle];
  return inst.LoadExcess(s, v) < 1e-12 && inst.TimeExcess(s, v) == 0;
}

// Last resort when the search found no feasible plan: drop clients from violating routes
// (the one whose removal helps most) until each route is feasible, then put dropped clients
// back wherever they fit feasibly at least cost.
std::vector<int> RepairByDropping(const Instance& inst, Individual& ind) {
  std::vector<int> dropped;
  const internal::Penalties unit{1, 1};
  for (size_t r = 0; r < ind.routes.size(); ++r) {
    auto& route = ind.routes[r];
    const auto& v = inst.vehicles()[r];
    while (!route.empty() && !RouteFeasible(inst, static_cast<int>(r), route)) {
      size_t best = 0;
      double best_violation = 1e300;
      for (size_t k = 0; k < route.size(); ++k) {
        std::vector<int> trial = route;
        trial.erase(trial.begin() + static_cast<long>(k));
        const Seg s = RouteSeg(inst, static_cast<int>(r), trial);
        const double violation = inst.LoadExcess(s, v) + static_cast<double>(inst.TimeExcess(s, v));
        if (violation < best_violation) {
          best_violation = violation;
          best = k;
        }
      }
      dropped.push_back(route[best]);
      route.erase(route.begin() + static_cast<long>(best));
    }
  }
  std::vector<int> still;
  for (int c : dropped) {
    double best = 1e300;
    size_t best_r = 0, best_pos = 0;
    for (size_t r = 0; r < ind.routes.size(); ++r) {
      auto& route = ind.routes[r];
      const double before =
          inst.PlainCost(RouteSeg(inst, static_cast<int>(r), route), inst.vehicles()[r]);
      for (size_t pos = 0; pos <= route.size(); ++pos) {
        route.insert(route.begin() + static_cast<long>(pos), c);
        if (RouteFeasible(inst, static_cast<int>(r), route)) {
          const double delta =
              inst.PlainCost(RouteSeg(inst, static_cast<int>(r), route), inst.vehicles()[r]) -
              before;
          if (delta < best) {
            best = delta;
            best_r = r;
            best_pos = pos;
          }
        }
        route.erase(route.begin() + static_cast<long>(pos));
      }
    }
    if (best < 1e300) {
      ind.routes[best_r].insert(ind.routes[best_r].begin() + static_cast<long>(best_pos), c);
    } else {
      still.push_back(c);
    }
  }
  Evaluate(inst, unit, ind);
  return still;
}

Individual RunSearch(const Instance& inst, const SolveOptions& options,
                     const ProgressCallback& progress) {
  const int threads = std::max(1, options.threads);
  std::vector<Individual> results(threads);
  auto work = [&](int t) {
    const internal::Budget budget(options.time_limit_seconds, options.cpu_time);
    internal::Genetic ga(inst, options, options.seed + static_cast<uint64_t>(t));
    results[t] = ga.Run(budget, t == 0 ? progress : ProgressCallback());
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  auto better = [](const Individual& a, const Individual& b) {
    if (a.feasible != b.feasible) return a.feasible;
    return a.feasible ? a.cost < b.cost : a.penalised < b.penalised;
  };
  return *std::min_element(results.begin(), results.end(), better);
}

}  // namespace

Result<Solution> Solve(const Problem& problem, const SolveOptions& options,
                       const ProgressCallback& progress) {
  RETURN_IF_ERROR(Validate(problem));
  std::vector<int> keep;
  Solution sol;
  for (int s = 0; s < static_cast<int>(problem.stops.size()); ++s) {
    const bool ok =
        std::any_of(problem.vehicles.begin(), problem.vehicles.end(),
                    [&](const Vehicle& v) { return SingleStopFeasible(problem, s, v); });
    (ok ? keep : sol.unserved).push_back(s);
  }
  if (!keep.empty()) {
    OrderForLocality(problem, keep);
    const Problem reduced = Restrict(problem, keep);
    const Instance inst(reduced, options.granular_neighbours);
    Individual best = RunSearch(inst, options, progress);
    std::vector<int> dropped;
    if (!best.feasible) dropped = RepairByDropping(inst, best);
    const int depots = inst.num_depots();
    for (int c : dropped) sol.unserved.push_back(keep[c - depots]);
    for (size_t r = 0; r < best.routes.size(); ++r) {
      if (best.routes[r].empty()) continue;
      Route route;
      route.vehicle = static_cast<int>(r);
      for (int c : best.routes[r]) route.stops.push_back(keep[c - depots]);
      sol.routes.push_back(std::move(route));
    }
  }
  std::sort(sol.unserved.begin(), sol.unserved.end());
  FinalizeSolution(problem, sol);
  const CheckReport report = CheckSolution(problem, sol);
  if (!report.feasible) {
    return Error::Internal("routing: independent checker rejected the plan: " +
                           report.violations.front());
  }
  sol.feasible = true;
  return sol;
}

}  // namespace ruralec::routing
