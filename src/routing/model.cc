#include "routing/model.h"

#include <algorithm>
#include <cmath>

namespace ruralec::routing {
namespace {

std::string Idx(const char* what, size_t i) {
  return std::string(what) + "[" + std::to_string(i) + "]";
}

Status ValidateLoad(const Load& load, int dims, const std::string& field) {
  for (int d = 0; d < kMaxDims; ++d) {
    if (load[d] < 0) return Error::Invalid(field, "quantity must be non-negative");
    if (d >= dims && load[d] != 0) return Error::Invalid(field, "more dimensions than num_dims");
  }
  return {};
}

Status ValidateWindow(const TimeWindow& w, const std::string& field) {
  if (w.open > w.close) return Error::Invalid(field, "window opens after it closes");
  return {};
}

Status ValidateVehicles(const Problem& p) {
  if (p.vehicles.empty()) return Error::Invalid("vehicles", "at least one vehicle is required");
  const int depots = static_cast<int>(p.depots.size());
  for (size_t i = 0; i < p.vehicles.size(); ++i) {
    const Vehicle& v = p.vehicles[i];
    const std::string f = Idx("vehicles", i);
    if (v.start_depot < 0 || v.start_depot >= depots || v.end_depot < 0 || v.end_depot >= depots) {
      return Error::Invalid(f, "unknown depot");
    }
    RETURN_IF_ERROR(ValidateLoad(v.capacity, p.num_dims, f + ".capacity"));
    RETURN_IF_ERROR(ValidateWindow(v.shift, f + ".shift"));
    if (v.max_duration < 0) return Error::Invalid(f + ".max_duration", "must be non-negative");
    if (v.fixed_cost < 0 || v.cost_per_distance < 0 || v.cost_per_duration < 0) {
      return Error::Invalid(f, "costs must be non-negative");
    }
  }
  return {};
}

}  // namespace

Status Validate(const Problem& p) {
  if (p.num_dims < 1 || p.num_dims > kMaxDims) return Error::Invalid("num_dims", "must be 1..3");
  if (p.depots.empty()) return Error::Invalid("depots", "at least one depot is required");
  for (size_t i = 0; i < p.depots.size(); ++i) {
    RETURN_IF_ERROR(ValidateWindow(p.depots[i].window, Idx("depots", i) + ".window"));
  }
  for (size_t i = 0; i < p.stops.size(); ++i) {
    const Stop& s = p.stops[i];
    const std::string f = Idx("stops", i);
    RETURN_IF_ERROR(ValidateLoad(s.delivery, p.num_dims, f + ".delivery"));
    RETURN_IF_ERROR(ValidateLoad(s.pickup, p.num_dims, f + ".pickup"));
    RETURN_IF_ERROR(ValidateWindow(s.window, f + ".window"));
    if (s.service_time < 0) return Error::Invalid(f + ".service_time", "must be non-negative");
    if (s.unserved_penalty < 0) return Error::Invalid(f + ".unserved_penalty", "must be >= 0");
  }
  RETURN_IF_ERROR(ValidateVehicles(p));
  const size_t n = static_cast<size_t>(p.num_nodes());
  if (p.distance.size() != n * n) return Error::Invalid("distance", "matrix must be nodes x nodes");
  if (!p.duration.empty() && p.duration.size() != n * n) {
    return Error::Invalid("duration", "matrix must be nodes x nodes");
  }
  if (!p.points.empty() && p.points.size() != n)
    return Error::Invalid("points", "one point per node");
  for (int64_t x : p.distance) {
    if (x < 0) return Error::Invalid("distance", "entries must be non-negative");
  }
  for (int64_t x : p.duration) {
    if (x < 0) return Error::Invalid("duration", "entries must be non-negative");
  }
  return {};
}

int64_t HaversineMetres(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return std::llround(2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h))));
}

void SetMatrixFromCoordinates(Problem& p, const std::vector<GeoPoint>& points, double road_factor,
                              double speed_kmh) {
  const size_t n = points.size();
  p.points = points;
  p.distance.assign(n * n, 0);
  p.duration.assign(n * n, 0);
  const double metres_per_second = speed_kmh / 3.6;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double metres = HaversineMetres(points[i], points[j]) * road_factor;
      p.distance[i * n + j] = std::llround(metres);
      p.duration[i * n + j] = std::llround(metres / metres_per_second);
    }
  }
}

void ScheduleRoute(const Problem& p, Route& r) {
  const Vehicle& v = p.vehicles[r.vehicle];
  const int start = p.depot_node(v.start_depot);
  const int end = p.depot_node(v.end_depot);
  const TimeWindow& dw = p.depots[v.start_depot].window;
  const int64_t earliest = std::max(v.shift.open, dw.open);
  // Forward pass from the earliest departure, recording waiting and slack so the departure can
  // then be delayed by as much waiting as possible without missing any window.
  auto forward = [&](int64_t t0, int64_t* total_wait, int64_t* slack) {
    int64_t t = t0, wait_sum = 0, min_slack = kNoLimit;
    int prev = start;
    r.visits.assign(r.stops.size(), Visit{});
    for (size_t i = 0; i < r.stops.size(); ++i) {
      const Stop& s = p.stops[r.stops[i]];
      const int node = p.stop_node(r.stops[i]);
      Visit& vis = r.visits[i];
      vis.stop = r.stops[i];
      vis.arrival = t + p.Time(prev, node);
      vis.service_start = std::max(vis.arrival, s.window.open);
      wait_sum += vis.service_start - vis.arrival;
      min_slack = std::min(min_slack, wait_sum + s.window.close - vis.service_start);
      t = vis.service_start + s.service_time;
      prev = node;
    }
    const int64_t back = t + p.Time(prev, end);
    const int64_t close = std::min(v.shift.close, p.depots[v.end_depot].window.close);
    min_slack = std::min(min_slack, wait_sum + close - back);
    min_slack = std::min(min_slack, std::min(v.shift.close, dw.close) - t0);
    *total_wait = wait_sum;
    *slack = min_slack;
    return back;
  };
  int64_t wait = 0, slack = 0;
  forward(earliest, &wait, &slack);
  r.departure = earliest + std::max<int64_t>(0, std::min(wait, slack));
  r.return_time = forward(r.departure, &wait, &slack);
  r.duration = r.stops.empty() ? 0 : r.return_time - r.departure;

  Load load{};
  for (int s : r.stops) {
    for (int d = 0; d < kMaxDims; ++d) load[d] += p.stops[s].delivery[d];
  }
  r.start_load = load;
  r.distance = 0;
  int prev = start;
  for (size_t i = 0; i < r.stops.size(); ++i) {
    const Stop& s = p.stops[r.stops[i]];
    for (int d = 0; d < kMaxDims; ++d) load[d] += s.pickup[d] - s.delivery[d];
    r.visits[i].load_after = load;
    r.distance += p.Dist(prev, p.stop_node(r.stops[i]));
    prev = p.stop_node(r.stops[i]);
  }
  if (!r.stops.empty()) r.distance += p.Dist(prev, end);
  r.cost = r.stops.empty() ? 0
                           : v.fixed_cost + v.cost_per_distance * static_cast<double>(r.distance) +
                                 v.cost_per_duration * static_cast<double>(r.duration);
}

void FinalizeSolution(const Problem& p, Solution& s) {
  s.cost = CostBreakdown{};
  s.total_distance = 0;
  for (Route& r : s.routes) {
    ScheduleRoute(p, r);
    const Vehicle& v = p.vehicles[r.vehicle];
    s.cost.fixed += v.fixed_cost;
    s.cost.distance += v.cost_per_distance * static_cast<double>(r.distance);
    s.cost.duration += v.cost_per_duration * static_cast<double>(r.duration);
    s.total_distance += r.distance;
  }
  for (int u : s.unserved) s.cost.unserved += p.stops[u].unserved_penalty;
}

}  // namespace ruralec::routing
