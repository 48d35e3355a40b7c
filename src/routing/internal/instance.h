// Flat, solver-side view of a Problem plus the route-segment algebra used for O(1) move
// evaluation (Vidal et al. 2013 concatenation for time windows; max-load concatenation for
// simultaneous pickup and delivery).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "routing/model.h"

namespace ruralec::routing::internal {

// Summary of a sequence of nodes visited in order.
struct Seg {
  int first = 0, last = 0;
  int64_t dist = 0;
  int64_t dur = 0;                     // minimal duration incl. service and waiting
  int64_t warp = 0;                    // time warp (lateness) that cannot be avoided
  int64_t early = 0, late = kNoLimit;  // start-time interval achieving dur without extra warp
  Load del{};                          // total delivery
  Load pick{};                         // total pickup
  Load peak{};                         // max on-board load caused by this segment's own goods
  int count = 0;                       // number of clients
};

struct VehicleData {
  int start = 0, end = 0;  // nodes
  Load capacity{};
  int64_t max_duration = kNoLimit;
  double fixed = 0, per_dist = 1, per_time = 0;
  int type = 0;  // vehicles with equal attributes share a type
  Seg start_seg, end_seg;
};

struct Penalties {
  double load = 1;  // per unit of excess load (in dimension-0 equivalent units)
  double time = 1;  // per unit of time warp and of duration excess
};

class Instance {
 public:
  // Keeps a reference to p (for decomposition into sub-problems): p must outlive the instance.
  explicit Instance(const Problem& p, int granular);

  const Problem& problem() const { return problem_; }
  int n() const { return n_; }
  int num_depots() const { return depots_; }
  int num_clients() const { return n_ - depots_; }
  bool is_client(int node) const { return node >= depots_; }
  // Matrices are stored as int32 when every entry fits (half the cache footprint of the hot
  // distance lookups), otherwise as int64.
  int64_t Dist(int a, int b) const {
    const size_t k = static_cast<size_t>(a) * n_ + b;
    return narrow_ ? dist32_[k] : dist_[k];
  }
  int64_t Time(int a, int b) const {
    const size_t k = static_cast<size_t>(a) * n_ + b;
    return narrow_ ? time32_[k] : time_[k];
  }
  const Seg& NodeSeg(int node) const { return node_seg_[node]; }
  // Polar angle of a node around the (single) depot in [0, kFullTurn); only when the problem
  // has positions and one depot.
  static constexpr int kFullTurn = 1 << 16;
  bool has_angles() const { return !angle_.empty(); }
  int Angle(int node) const { return angle_[node]; }
  const std::vector<VehicleData>& vehicles() const { return vehicles_; }
  const std::vector<int>& Neighbours(int client) const { return neighbours_[client]; }
  bool has_tw() const { return has_tw_; }
  int dims() const { return dims_; }
  // Pure capacitated routing: no windows, no pickups, no duration limit or duration cost. A
  // route's penalised cost is then fixed + per_dist x distance + load penalty on total delivery,
  // and the local search skips segment concatenation entirely.
  bool simple() const { return simple_; }
  // Load penalty of a route carrying `del` (total delivery) when there are no pickups.
  double DeliveryExcess(const Load& del, const VehicleData& v) const {
    double e = 0;
    for (int d = 0; d < dims_; ++d) {
      if (del[d] > v.capacity[d])
        e += static_cast<double>(del[d] - v.capacity[d]) * load_weight_[d];
    }
    return e;
  }
  bool homogeneous() const { return homogeneous_; }
  bool symmetric() const { return symmetric_; }
  double load_weight(int d) const { return load_weight_[d]; }
  double max_dist() const { return max_dist_; }
  double max_demand() const { return max_demand_; }
  double avg_per_dist() const { return avg_per_dist_; }

  Seg Join(const Seg& a, const Seg& b) const {
    Seg r;
    r.first = a.first;
    r.last = b.last;
    r.dist = a.dist + Dist(a.last, b.first) + b.dist;
    r.count = a.count + b.count;
    if (simple_) {  // durations are irrelevant and there are no pickups: peak = delivery
      for (int d = 0; d < dims_; ++d) r.peak[d] = r.del[d] = a.del[d] + b.del[d];
      return r;
    }
    const int64_t t = Time(a.last, b.first);
    if (has_tw_) {
      const int64_t delta = a.dur - a.warp + t;
      const int64_t wait = std::max<int64_t>(b.early - delta - a.late, 0);
      const int64_t warp = std::max<int64_t>(a.early + delta - b.late, 0);
      r.dur = a.dur + b.dur + t + wait;
      r.warp = a.warp + b.warp + warp;
      r.early = std::max(b.early - delta, a.early) - wait;
      r.late = std::min(b.late - delta, a.late) + warp;
    } else {
      r.dur = a.dur + b.dur + t;
    }
    for (int d = 0; d < dims_; ++d) {
      r.del[d] = a.del[d] + b.del[d];
      r.pick[d] = a.pick[d] + b.pick[d];
      r.peak[d] = std::max(a.peak[d] + b.del[d], a.pick[d] + b.peak[d]);
    }
    return r;
  }

  // Penalised cost of a complete route (start depot ... end depot) driven by vehicle v.
  double RouteCost(const Seg& s, const VehicleData& v, const Penalties& pen) const {
    if (s.count == 0) return 0;
    return v.fixed + v.per_dist * static_cast<double>(s.dist) +
           v.per_time * static_cast<double>(s.dur) + pen.load * LoadExcess(s, v) +
           pen.time * static_cast<double>(TimeExcess(s, v));
  }
  double LoadExcess(const Seg& s, const VehicleData& v) const {
    double e = 0;
    for (int d = 0; d < kMaxDims; ++d) {
      if (s.peak[d] > v.capacity[d])
        e += static_cast<double>(s.peak[d] - v.capacity[d]) * load_weight_[d];
    }
    return e;
  }
  int64_t TimeExcess(const Seg& s, const VehicleData& v) const {
    return s.warp + std::max<int64_t>(0, s.dur - v.max_duration);
  }
  // Cost without penalties (what the user pays).
  double PlainCost(const Seg& s, const VehicleData& v) const {
    if (s.count == 0) return 0;
    return v.fixed + v.per_dist * static_cast<double>(s.dist) +
           v.per_time * static_cast<double>(s.dur);
  }

 private:
  void BuildNeighbours(const Problem& p, int granular);
  void BuildVehicles(const Problem& p);

  const Problem& problem_;
  int n_ = 0, depots_ = 0;
  std::vector<int64_t> dist_, time_;
  std::vector<int32_t> dist32_, time32_;
  bool narrow_ = false;
  int dims_ = kMaxDims;
  std::vector<Seg> node_seg_;
  std::vector<int> angle_;
  std::vector<VehicleData> vehicles_;
  std::vector<std::vector<int>> neighbours_;
  std::array<double, kMaxDims> load_weight_{};
  bool has_tw_ = false, homogeneous_ = true, simple_ = false, symmetric_ = true;
  double max_dist_ = 1, max_demand_ = 1, avg_per_dist_ = 1;
};

}  // namespace ruralec::routing::internal
