// Domain model of the co-delivery vehicle-routing problem: capacitated VRP with simultaneous
// pickup and delivery in up to kMaxDims dimensions, time windows, route-duration limits, several
// depots and a mixed fleet. Plain value types: no database, JSON or HTTP.
//
// Units are the caller's: distances and durations are integers (e.g. metres and seconds, or the
// instance's own unit for CVRPLIB), costs are doubles in currency units.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/result.h"

namespace ruralec::routing {

// Dimensions of a load (e.g. parcels, kg, m^3). Unused dimensions stay 0.
inline constexpr int kMaxDims = 3;
using Load = std::array<int64_t, kMaxDims>;

inline constexpr int64_t kNoLimit = std::numeric_limits<int64_t>::max() / 8;

// Closed interval [open, close] in which service may start (or, for a depot, the vehicle may
// leave and must be back).
struct TimeWindow {
  int64_t open = 0;
  int64_t close = kNoLimit;
};

struct Depot {
  std::string id;
  TimeWindow window;
};

struct Stop {
  std::string id;
  Load delivery{};  // goods loaded at the depot and dropped here
  Load pickup{};    // goods collected here and carried back to the end depot
  int64_t service_time = 0;
  TimeWindow window;
  // Cost charged when the stop is left unserved. Only used when no feasible plan serves every
  // stop; the solver always tries to serve all stops first.
  double unserved_penalty = 1e9;
};

struct Vehicle {
  std::string id;
  int start_depot = 0;  // index into Problem::depots
  int end_depot = 0;
  Load capacity{};
  int64_t max_duration = kNoLimit;  // shift length: end time minus start time
  TimeWindow shift;                 // earliest departure / latest return
  double fixed_cost = 0;            // charged if the vehicle is used
  double cost_per_distance = 1;     // per distance unit
  double cost_per_duration = 0;     // per time unit of route duration
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// Nodes of the matrices: depots first (0..D-1), then stops (D..D+S-1).
struct Problem {
  int num_dims = 1;
  std::vector<Depot> depots;
  std::vector<Stop> stops;
  std::vector<Vehicle> vehicles;
  std::vector<int64_t> distance;  // row-major (D+S)^2
  std::vector<int64_t> duration;  // row-major (D+S)^2; empty means "same as distance"
  // Optional position per node (lat/lon, or y/x of planar instances). Only used to prune the
  // search (polar sectors of routes); distances always come from the matrices.
  std::vector<GeoPoint> points;

  int num_nodes() const { return static_cast<int>(depots.size() + stops.size()); }
  int depot_node(int depot) const { return depot; }
  int stop_node(int stop) const { return static_cast<int>(depots.size()) + stop; }
  int64_t Dist(int from, int to) const {
    return distance[static_cast<size_t>(from) * num_nodes() + to];
  }
  int64_t Time(int from, int to) const {
    const auto& m = duration.empty() ? distance : duration;
    return m[static_cast<size_t>(from) * num_nodes() + to];
  }
};

// Structural validation (sizes, indices, non-negative quantities). Field names in errors follow
// the JSON format ("stops[3].window").
Status Validate(const Problem& problem);

// Fills distance (metres, haversine x road_factor, rounded) and duration (seconds at
// speed_kmh) from one point per node (depots first, then stops).
void SetMatrixFromCoordinates(Problem& problem, const std::vector<GeoPoint>& points,
                              double road_factor, double speed_kmh);
int64_t HaversineMetres(const GeoPoint& a, const GeoPoint& b);

// One visit in a scheduled route.
struct Visit {
  int stop = 0;               // index into Problem::stops
  int64_t arrival = 0;        // arrival at the stop
  int64_t service_start = 0;  // >= arrival (waiting) and inside the window
  Load load_after{};          // on-board load when leaving the stop
};

struct Route {
  int vehicle = 0;
  std::vector<int> stops;   // visiting order; the schedule below is derived from it
  int64_t departure = 0;    // leaves the start depot
  int64_t return_time = 0;  // arrives at the end depot
  Load start_load{};        // loaded at the start depot (sum of deliveries)
  std::vector<Visit> visits;
  int64_t distance = 0;
  int64_t duration = 0;
  double cost = 0;
};

struct CostBreakdown {
  double fixed = 0;
  double distance = 0;
  double duration = 0;
  double unserved = 0;
  double total() const { return fixed + distance + duration + unserved; }
};

struct Solution {
  std::vector<Route> routes;  // only used vehicles
  std::vector<int> unserved;  // stop indices
  CostBreakdown cost;
  int64_t total_distance = 0;
  bool feasible = false;  // set by the independent checker
};

// Computes the schedule of a route (departure chosen as late as possible without extra
// waiting), its loads, distance, duration and cost. Does not check constraints.
void ScheduleRoute(const Problem& problem, Route& route);
// Schedules every route and recomputes totals (unserved stops are charged their penalty).
void FinalizeSolution(const Problem& problem, Solution& solution);

}  // namespace ruralec::routing
