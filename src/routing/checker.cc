#include "routing/checker.h"

#include <algorithm>
#include <cmath>

namespace ruralec::routing {
namespace {

class Checker {
 public:
  Checker(const Problem& p, CheckReport& rep) : p_(p), rep_(rep) {}

  void Fail(std::string msg) {
    rep_.feasible = false;
    if (rep_.violations.size() < 50) rep_.violations.push_back(std::move(msg));
  }

  bool Fits(const Load& load, const Load& cap) const {
    for (int d = 0; d < kMaxDims; ++d) {
      if (load[d] > cap[d]) return false;
    }
    return true;
  }

  void CheckLoads(const Route& r, const std::string& tag) {
    const Vehicle& v = p_.vehicles[r.vehicle];
    Load load{};
    for (int s : r.stops) {
      for (int d = 0; d < kMaxDims; ++d) load[d] += p_.stops[s].delivery[d];
    }
    if (load != r.start_load) Fail(tag + ": reported start load is wrong");
    if (!Fits(load, v.capacity)) Fail(tag + ": departure load exceeds capacity");
    for (size_t i = 0; i < r.stops.size(); ++i) {
      const Stop& s = p_.stops[r.stops[i]];
      for (int d = 0; d < kMaxDims; ++d) load[d] = load[d] - s.delivery[d] + s.pickup[d];
      if (!Fits(load, v.capacity)) Fail(tag + ": load exceeds capacity after stop " + s.id);
      if (i < r.visits.size() && r.visits[i].load_after != load) {
        Fail(tag + ": reported load after stop " + s.id + " is wrong");
      }
    }
  }

  void CheckTimes(const Route& r, const std::string& tag) {
    const Vehicle& v = p_.vehicles[r.vehicle];
    const Depot& sd = p_.depots[v.start_depot];
    const Depot& ed = p_.depots[v.end_depot];
    if (r.visits.size() != r.stops.size()) return Fail(tag + ": schedule missing");
    if (r.departure < std::max(v.shift.open, sd.window.open) ||
        r.departure > std::min(v.shift.close, sd.window.close)) {
      Fail(tag + ": departure outside shift or depot hours");
    }
    int64_t t = r.departure;
    int prev = v.start_depot;
    for (size_t i = 0; i < r.stops.size(); ++i) {
      const Stop& s = p_.stops[r.stops[i]];
      const Visit& vis = r.visits[i];
      const int node = static_cast<int>(p_.depots.size()) + r.stops[i];
      if (vis.stop != r.stops[i]) Fail(tag + ": schedule does not match stops");
      if (vis.arrival < t + p_.Time(prev, node))
        Fail(tag + ": arrives at " + s.id + " too early to be possible");
      if (vis.service_start < vis.arrival || vis.service_start < s.window.open) {
        Fail(tag + ": service at " + s.id + " starts before arrival or opening");
      }
      if (vis.service_start > s.window.close) Fail(tag + ": late at " + s.id);
      t = vis.service_start + s.service_time;
      prev = node;
    }
    if (r.return_time < t + p_.Time(prev, v.end_depot)) Fail(tag + ": return time impossible");
    if (r.return_time > std::min(v.shift.close, ed.window.close))
      Fail(tag + ": returns after shift or depot close");
    if (r.return_time - r.departure > v.max_duration)
      Fail(tag + ": route longer than shift length");
  }

  void CheckRoute(const Route& r, size_t index, std::vector<int>& seen) {
    const std::string tag = "route " + std::to_string(index + 1);
    if (r.vehicle < 0 || r.vehicle >= static_cast<int>(p_.vehicles.size())) {
      return Fail(tag + ": unknown vehicle");
    }
    for (int s : r.stops) {
      if (s < 0 || s >= static_cast<int>(p_.stops.size())) return Fail(tag + ": unknown stop");
      ++seen[s];
    }
    if (r.stops.empty()) return;
    CheckLoads(r, tag);
    CheckTimes(r, tag);
    const Vehicle& v = p_.vehicles[r.vehicle];
    int64_t dist = 0;
    int prev = v.start_depot;
    for (int s : r.stops) {
      const int node = static_cast<int>(p_.depots.size()) + s;
      dist += p_.Dist(prev, node);
      prev = node;
    }
    dist += p_.Dist(prev, v.end_depot);
    if (dist != r.distance) Fail(tag + ": reported distance is wrong");
    rep_.distance += dist;
    rep_.cost += v.fixed_cost + v.cost_per_distance * static_cast<double>(dist) +
                 v.cost_per_duration * static_cast<double>(r.return_time - r.departure);
  }

 private:
  const Problem& p_;
  CheckReport& rep_;
};

}  // namespace

CheckReport CheckSolution(const Problem& p, const Solution& sol) {
  CheckReport rep;
  Checker c(p, rep);
  std::vector<int> seen(p.stops.size(), 0);
  std::vector<int> vehicle_used(p.vehicles.size(), 0);
  for (size_t i = 0; i < sol.routes.size(); ++i) {
    const Route& r = sol.routes[i];
    if (r.vehicle >= 0 && r.vehicle < static_cast<int>(vehicle_used.size()) &&
        ++vehicle_used[r.vehicle] > 1) {
      c.Fail("vehicle " + p.vehicles[r.vehicle].id + " used by more than one route");
    }
    c.CheckRoute(r, i, seen);
  }
  for (int u : sol.unserved) {
    if (u < 0 || u >= static_cast<int>(p.stops.size())) {
      c.Fail("unknown unserved stop");
      continue;
    }
    ++seen[u];
    rep.cost += p.stops[u].unserved_penalty;
  }
  for (size_t s = 0; s < seen.size(); ++s) {
    if (seen[s] != 1) {
      c.Fail("stop " + p.stops[s].id + (seen[s] == 0 ? " is missing" : " appears more than once"));
    }
  }
  const double reported = sol.cost.total();
  if (std::abs(reported - rep.cost) > 1e-6 * std::max(1.0, std::abs(rep.cost))) {
    c.Fail("reported cost " + std::to_string(reported) + " differs from recomputed " +
           std::to_string(rep.cost));
  }
  return rep;
}

}  // namespace ruralec::routing
