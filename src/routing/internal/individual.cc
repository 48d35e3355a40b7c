#include "routing/internal/individual.h"

namespace ruralec::routing::internal {

void Evaluate(const Instance& inst, const Penalties& pen, Individual& ind) {
  ind.penalised = ind.cost = ind.load_excess = 0;
  ind.time_excess = 0;
  ind.succ.assign(inst.n(), -1);
  ind.pred.assign(inst.n(), -1);
  for (size_t r = 0; r < ind.routes.size(); ++r) {
    const auto& route = ind.routes[r];
    if (route.empty()) continue;
    const VehicleData& v = inst.vehicles()[r];
    Seg s = v.start_seg;
    int prev = -1;
    for (int c : route) {
      s = inst.Join(s, inst.NodeSeg(c));
      ind.pred[c] = prev;
      if (prev >= 0) ind.succ[prev] = c;
      prev = c;
    }
    s = inst.Join(s, v.end_seg);
    ind.penalised += inst.RouteCost(s, v, pen);
    ind.cost += inst.PlainCost(s, v);
    ind.load_excess += inst.LoadExcess(s, v);
    ind.time_excess += inst.TimeExcess(s, v);
  }
  ind.feasible = ind.load_excess < 1e-9 && ind.time_excess == 0;
}

double BrokenPairs(const Instance& inst, const Individual& a, const Individual& b) {
  int diff = 0;
  for (int j = inst.num_depots(); j < inst.n(); ++j) {
    if (a.succ[j] != b.succ[j] && a.succ[j] != b.pred[j]) ++diff;
    if (a.pred[j] == -1 && b.pred[j] != -1 && b.succ[j] != -1) ++diff;
  }
  return static_cast<double>(diff) / std::max(1, inst.num_clients());
}

std::vector<int> GiantTour(const Individual& ind) {
  std::vector<int> tour;
  for (const auto& r : ind.routes) tour.insert(tour.end(), r.begin(), r.end());
  return tour;
}

}  // namespace ruralec::routing::internal
