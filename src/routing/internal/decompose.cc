#include "routing/internal/decompose.h"

#include <algorithm>
#include <cmath>

namespace ruralec::routing::internal {

bool CanDecompose(const Instance& inst) {
  return inst.num_depots() == 1 && inst.homogeneous() && inst.has_angles() &&
         inst.problem().points.size() == static_cast<size_t>(inst.n());
}

namespace {

// Polar angle of the barycentre of a route's clients around the depot.
double BarycentreAngle(const Problem& p, const std::vector<int>& route) {
  double x = 0, y = 0;
  for (int c : route) {
    x += p.points[c].lon - p.points[0].lon;
    y += p.points[c].lat - p.points[0].lat;
  }
  return std::atan2(y, x);
}

Problem Restrict(const Problem& p, const std::vector<int>& nodes, int vehicles) {
  Problem r;
  r.num_dims = p.num_dims;
  r.depots = {p.depots[0]};
  r.vehicles.assign(vehicles, p.vehicles[0]);
  const size_t n = nodes.size();
  for (size_t i = 1; i < n; ++i) r.stops.push_back(p.stops[nodes[i] - 1]);
  for (int node : nodes) r.points.push_back(p.points[node]);
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

}  // namespace

SubProblem MakeSubProblem(const Instance& inst, const Individual& plan, int target_clients,
                          int extra, std::mt19937_64& rng) {
  const Problem& p = inst.problem();
  std::vector<std::pair<double, int>> by_angle;
  std::vector<int> unused;
  for (size_t r = 0; r < plan.routes.size(); ++r) {
    if (plan.routes[r].empty()) {
      unused.push_back(static_cast<int>(r));
    } else {
      by_angle.emplace_back(BarycentreAngle(p, plan.routes[r]), static_cast<int>(r));
    }
  }
  std::sort(by_angle.begin(), by_angle.end());
  SubProblem sub;
  sub.nodes = {0};
  if (by_angle.empty()) return sub;
  const size_t first = rng() % by_angle.size();
  int clients = 0;
  for (size_t k = 0; k < by_angle.size() && clients < target_clients; ++k) {
    const int r = by_angle[(first + k) % by_angle.size()].second;
    sub.routes.push_back(r);
    clients += static_cast<int>(plan.routes[r].size());
  }
  for (int k = 0; k < extra && k < static_cast<int>(unused.size()); ++k)
    sub.routes.push_back(unused[k]);
  sub.start.routes.assign(sub.routes.size(), {});
  for (size_t k = 0; k < sub.routes.size(); ++k) {
    for (int c : plan.routes[sub.routes[k]]) {
      sub.start.routes[k].push_back(static_cast<int>(sub.nodes.size()));
      sub.nodes.push_back(c);
    }
  }
  sub.problem = Restrict(p, sub.nodes, static_cast<int>(sub.routes.size()));
  return sub;
}

void Splice(const SubProblem& sub, const Individual& solved, Individual& plan) {
  for (size_t k = 0; k < sub.routes.size(); ++k) {
    auto& route = plan.routes[sub.routes[k]];
    route.clear();
    for (int c : solved.routes[k]) route.push_back(sub.nodes[c]);
  }
}

}  // namespace ruralec::routing::internal
