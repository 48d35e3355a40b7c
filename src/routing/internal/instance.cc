#include "routing/internal/instance.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>

namespace ruralec::routing::internal {

Instance::Instance(const Problem& p, int granular) : problem_(p) {
  n_ = p.num_nodes();
  depots_ = static_cast<int>(p.depots.size());
  dims_ = p.num_dims;
  dist_ = p.distance;
  time_ = p.duration.empty() ? p.distance : p.duration;
  narrow_ = true;
  for (size_t k = 0; k < dist_.size(); ++k) {
    if (dist_[k] > INT32_MAX || time_[k] > INT32_MAX) narrow_ = false;
  }
  if (narrow_) {
    dist32_.assign(dist_.begin(), dist_.end());
    time32_.assign(time_.begin(), time_.end());
    dist_.clear();
    time_.clear();
  }
  node_seg_.resize(n_);
  for (int i = 0; i < n_; ++i) {
    Seg& s = node_seg_[i];
    s.first = s.last = i;
    if (i < depots_) continue;
    const Stop& st = p.stops[i - depots_];
    s.dur = st.service_time;
    s.early = st.window.open;
    s.late = st.window.close;
    s.del = st.delivery;
    s.pick = st.pickup;
    for (int d = 0; d < kMaxDims; ++d) s.peak[d] = std::max(st.delivery[d], st.pickup[d]);
    s.count = 1;
    if (st.window.open > 0 || st.window.close < kNoLimit) has_tw_ = true;
  }
  for (const Depot& d : p.depots) {
    if (d.window.open > 0 || d.window.close < kNoLimit) has_tw_ = true;
  }
  for (const Vehicle& v : p.vehicles) {
    if (v.shift.open > 0 || v.shift.close < kNoLimit) has_tw_ = true;
  }
  BuildVehicles(p);
  simple_ = !has_tw_;
  for (const Stop& st : p.stops) {
    for (int d = 0; d < kMaxDims; ++d) {
      if (st.pickup[d] != 0) simple_ = false;
    }
  }
  for (const VehicleData& v : vehicles_) {
    if (v.max_duration < kNoLimit || v.per_time != 0) simple_ = false;
  }
  for (int a = 0; a < n_; ++a) {
    for (int b = 0; b < n_; ++b) {
      max_dist_ = std::max(max_dist_, static_cast<double>(Dist(a, b)));
      if (Dist(a, b) != Dist(b, a)) symmetric_ = false;
    }
  }
  for (int i = depots_; i < n_; ++i) {
    double m = 0;
    for (int d = 0; d < kMaxDims; ++d) {
      m += std::max(node_seg_[i].del[d], node_seg_[i].pick[d]) * load_weight_[d];
    }
    max_demand_ = std::max(max_demand_, m);
  }
  BuildNeighbours(p, granular);
  if (depots_ == 1 && p.points.size() == static_cast<size_t>(n_)) {
    const GeoPoint& o = p.points[0];
    angle_.resize(n_);
    for (int i = 0; i < n_; ++i) {
      const double a = std::atan2(p.points[i].lat - o.lat, p.points[i].lon - o.lon);  // [-pi, pi]
      angle_[i] = static_cast<int>((a + M_PI) / (2 * M_PI) * kFullTurn) % kFullTurn;
    }
  }
}

void Instance::BuildVehicles(const Problem& p) {
  Load capref{};
  for (const Vehicle& v : p.vehicles) {
    for (int d = 0; d < kMaxDims; ++d) capref[d] = std::max(capref[d], v.capacity[d]);
  }
  for (int d = 0; d < kMaxDims; ++d) {
    load_weight_[d] =
        capref[d] > 0 ? static_cast<double>(std::max<int64_t>(capref[0], 1)) / capref[d] : 1;
  }
  using Key = std::tuple<int, int, Load, int64_t, int64_t, int64_t, double, double, double>;
  std::map<Key, int> types;
  avg_per_dist_ = 0;
  for (const Vehicle& v : p.vehicles) {
    VehicleData vd;
    vd.start = v.start_depot;
    vd.end = v.end_depot;
    vd.capacity = v.capacity;
    vd.max_duration = v.max_duration;
    vd.fixed = v.fixed_cost;
    vd.per_dist = v.cost_per_distance;
    vd.per_time = v.cost_per_duration;
    const TimeWindow& sw = p.depots[v.start_depot].window;
    const TimeWindow& ew = p.depots[v.end_depot].window;
    vd.start_seg.first = vd.start_seg.last = vd.start;
    vd.start_seg.early = std::max(v.shift.open, sw.open);
    vd.start_seg.late = std::min(v.shift.close, sw.close);
    vd.end_seg.first = vd.end_seg.last = vd.end;
    vd.end_seg.early = 0;
    vd.end_seg.late = std::min(v.shift.close, ew.close);
    Key key{vd.start,      vd.end,   vd.capacity, vd.max_duration, v.shift.open,
            v.shift.close, vd.fixed, vd.per_dist, vd.per_time};
    auto [it, inserted] = types.emplace(key, static_cast<int>(types.size()));
    vd.type = it->second;
    avg_per_dist_ += vd.per_dist / static_cast<double>(p.vehicles.size());
    vehicles_.push_back(vd);
  }
  homogeneous_ = types.size() == 1;
  if (avg_per_dist_ <= 0) avg_per_dist_ = 1;
}

void Instance::BuildNeighbours(const Problem& p, int granular) {
  neighbours_.assign(n_, {});
  std::vector<std::pair<double, int>> order;
  for (int i = depots_; i < n_; ++i) {
    order.clear();
    for (int j = depots_; j < n_; ++j) {
      if (j == i) continue;
      double key = static_cast<double>(std::min(Dist(i, j), Dist(j, i)));
      if (has_tw_) {
        // Pairs that cannot follow each other in either direction are poor neighbours.
        const Seg& a = node_seg_[i];
        const Seg& b = node_seg_[j];
        const bool ij = a.early + a.dur + Time(i, j) <= b.late;
        const bool ji = b.early + b.dur + Time(j, i) <= a.late;
        if (!ij && !ji) key += max_dist_;
      }
      order.emplace_back(key, j);
    }
    const size_t k = std::min<size_t>(granular, order.size());
    std::partial_sort(order.begin(), order.begin() + k, order.end());
    for (size_t t = 0; t < k; ++t) neighbours_[i].push_back(order[t].second);
  }
  // Symmetric, as in HGS-CVRP: when j is among i's nearest, moves of j next to i are tried as
  // well as moves of i next to j (a client far from everything is still someone's neighbour).
  std::vector<std::vector<int>> back(n_);
  for (int i = depots_; i < n_; ++i) {
    for (int j : neighbours_[i]) back[j].push_back(i);
  }
  for (int j = depots_; j < n_; ++j) {
    for (int i : back[j]) {
      if (std::find(neighbours_[j].begin(), neighbours_[j].end(), i) == neighbours_[j].end())
        neighbours_[j].push_back(i);
    }
  }
}

}  // namespace ruralec::routing::internal
