// Helpers shared by the routing tests: small instances built from plane coordinates and an
// exhaustive solver used as ground truth (independent of the library's solver).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "routing/model.h"

namespace ruralec::routing::testing {

struct Pt {
  double x, y;
};

// One depot at points[0]; stops at points[1..]; rounded Euclidean distances, duration = distance.
inline Problem PlaneProblem(const std::vector<Pt>& points, int64_t capacity, int vehicles) {
  Problem p;
  p.depots.push_back(Depot{"D", {}});
  for (size_t i = 1; i < points.size(); ++i) {
    Stop s;
    s.id = "S" + std::to_string(i);
    p.stops.push_back(s);
  }
  for (int k = 0; k < vehicles; ++k) {
    Vehicle v;
    v.id = "V" + std::to_string(k + 1);
    v.capacity[0] = capacity;
    p.vehicles.push_back(v);
  }
  const size_t n = points.size();
  p.distance.resize(n * n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      p.distance[i * n + j] =
          std::llround(std::hypot(points[i].x - points[j].x, points[i].y - points[j].y));
    }
  }
  return p;
}

// Cost of serving `stops` in order with vehicle 0's data, or +inf if infeasible. Plain
// simulation: earliest departure, wait when early (depot window and shift assumed open).
inline double SimulateRoute(const Problem& p, const std::vector<int>& stops) {
  const Vehicle& v = p.vehicles[0];
  Load load{};
  for (int s : stops) {
    for (int d = 0; d < kMaxDims; ++d) load[d] += p.stops[s].delivery[d];
  }
  for (int d = 0; d < kMaxDims; ++d) {
    if (load[d] > v.capacity[d]) return std::numeric_limits<double>::infinity();
  }
  int64_t t = v.shift.open, dist = 0;
  int prev = 0;
  for (int s : stops) {
    const Stop& st = p.stops[s];
    const int node = p.stop_node(s);
    t = std::max(t + p.Time(prev, node), st.window.open);
    if (t > st.window.close) return std::numeric_limits<double>::infinity();
    t += st.service_time;
    dist += p.Dist(prev, node);
    for (int d = 0; d < kMaxDims; ++d) {
      load[d] += st.pickup[d] - st.delivery[d];
      if (load[d] > v.capacity[d]) return std::numeric_limits<double>::infinity();
    }
    prev = node;
  }
  dist += p.Dist(prev, 0);
  return v.fixed_cost + v.cost_per_distance * static_cast<double>(dist);
}

// Optimum over all orders and all splits into at most |vehicles| consecutive routes
// (homogeneous fleet, one depot, no duration costs, route start at shift open).
inline double BruteForceOptimum(const Problem& p) {
  const int n = static_cast<int>(p.stops.size());
  const int k_max = static_cast<int>(p.vehicles.size());
  std::vector<int> perm(n);
  for (int i = 0; i < n; ++i) perm[i] = i;
  const double inf = std::numeric_limits<double>::infinity();
  double best = inf;
  do {
    // dp[k][j]: best cost of serving perm[0..j) with k routes.
    std::vector<std::vector<double>> dp(k_max + 1, std::vector<double>(n + 1, inf));
    dp[0][0] = 0;
    for (int k = 0; k < k_max; ++k) {
      for (int i = 0; i < n; ++i) {
        if (dp[k][i] == inf) continue;
        for (int j = i + 1; j <= n; ++j) {
          const double c = SimulateRoute(p, std::vector<int>(perm.begin() + i, perm.begin() + j));
          dp[k + 1][j] = std::min(dp[k + 1][j], dp[k][i] + c);
        }
      }
    }
    for (int k = 0; k <= k_max; ++k) best = std::min(best, dp[k][n]);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

inline std::vector<Pt> RandomPoints(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Pt> pts;
  for (int i = 0; i <= n; ++i)
    pts.push_back(Pt{static_cast<double>(rng() % 1000), static_cast<double>(rng() % 1000)});
  return pts;
}

}  // namespace ruralec::routing::testing
