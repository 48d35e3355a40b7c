#include "routing/internal/local_search.h"

#include <algorithm>

namespace ruralec::routing::internal {
namespace {
constexpr double kEps = 1e-7;
}  // namespace

LocalSearch::LocalSearch(const Instance& inst, std::mt19937_64& rng)
    : inst_(inst),
      rng_(rng),
      route_of_(inst.n(), -1),
      pos_of_(inst.n(), -1),
      last_tested_(inst.n(), -1) {
  for (int c = inst.num_depots(); c < inst.n(); ++c) order_.push_back(c);
  buf_a_.reserve(inst.n() + 2);
  buf_b_.reserve(inst.n() + 2);
  apply_buf_.reserve(inst.n() + 2);
  type_stamp_.assign(inst.vehicles().size(), -1);
  // SWAP* insertion data stays valid while the target route is unchanged: keep it per
  // (route, client) unless that table would be large.
  cache_top_ = inst.vehicles().size() * static_cast<size_t>(inst.n()) <= (size_t{1} << 20);
  top_.resize(cache_top_ ? inst.vehicles().size() * inst.n() : inst.n());
}

bool LocalSearch::Sector::Contains(int a) const {
  return width >= 0 && (a - start + Instance::kFullTurn) % Instance::kFullTurn <= width;
}

void LocalSearch::Sector::Extend(int a) {
  if (width < 0) {
    start = a;
    width = 0;
    return;
  }
  const int d = (a - start + Instance::kFullTurn) % Instance::kFullTurn;
  if (d <= width) return;
  const int via_start = width + Instance::kFullTurn - d;  // move the start back to a
  if (d <= via_start) {
    width = d;
  } else {
    start = a;
    width = via_start;
  }
}

void LocalSearch::Load(const Individual& ind) {
  const auto& vehicles = inst_.vehicles();
  routes_.resize(vehicles.size());
  for (size_t r = 0; r < vehicles.size(); ++r) {
    RouteState& R = routes_[r];
    R.vehicle = static_cast<int>(r);
    R.nodes.clear();
    R.nodes.push_back(vehicles[r].start);
    R.nodes.insert(R.nodes.end(), ind.routes[r].begin(), ind.routes[r].end());
    R.nodes.push_back(vehicles[r].end);
    Rebuild(static_cast<int>(r));
  }
}

void LocalSearch::Export(Individual& ind) const {
  ind.routes.assign(routes_.size(), {});
  for (const RouteState& R : routes_) {
    ind.routes[R.vehicle].assign(R.nodes.begin() + 1, R.nodes.end() - 1);
  }
}

void LocalSearch::Rebuild(int r) {
  RouteState& R = routes_[r];
  const VehicleData& v = inst_.vehicles()[R.vehicle];
  const int m = static_cast<int>(R.nodes.size());
  R.fwd.resize(m);
  R.bwd.resize(m);
  R.tail.resize(m);
  R.fwd[0] = v.start_seg;
  R.rdist.resize(m);
  R.rdist[0] = 0;
  for (int i = 1; i < m; ++i) R.rdist[i] = R.rdist[i - 1] + inst_.Dist(R.nodes[i], R.nodes[i - 1]);
  for (int i = 1; i < m - 1; ++i) {
    R.fwd[i] = inst_.Join(R.fwd[i - 1], inst_.NodeSeg(R.nodes[i]));
    route_of_[R.nodes[i]] = r;
    pos_of_[R.nodes[i]] = i;
  }
  R.fwd[m - 1] = inst_.Join(R.fwd[m - 2], v.end_seg);
  R.bwd[m - 1] = v.end_seg;
  R.tail[m - 1] = Seg{};
  for (int i = m - 2; i >= 1; --i) {
    const Seg& s = inst_.NodeSeg(R.nodes[i]);
    R.bwd[i] = inst_.Join(s, R.bwd[i + 1]);
    R.tail[i] = i == m - 2 ? s : inst_.Join(s, R.tail[i + 1]);
  }
  R.fdist.resize(m);
  R.bdist.resize(m);
  for (int i = 0; i < m; ++i) {
    R.fdist[i] = R.fwd[i].dist;
    R.bdist[i] = R.bwd[i].dist;
  }
  R.cost = inst_.RouteCost(R.fwd[m - 1], v, pen_);
  R.modified = ++clock_;
  R.sector = Sector{};
  if (inst_.has_angles()) {
    for (int i = 1; i < m - 1; ++i) R.sector.Extend(inst_.Angle(R.nodes[i]));
  }
}

void LocalSearch::Run(Individual& ind, const Penalties& pen, const std::vector<char>* focus) {
  pen_ = pen;
  Load(ind);
  std::shuffle(order_.begin(), order_.end(), rng_);
  // With a focus, only the focus routes count as modified since the (virtual) last test, so
  // the first loop already skips pairs of untouched routes.
  const int64_t base = focus ? clock_ : -1;
  if (focus) {
    for (size_t r = 0; r < routes_.size(); ++r) {
      if ((*focus)[r]) routes_[r].modified = ++clock_;
    }
  }
  std::fill(last_tested_.begin(), last_tested_.end(), base);
  swap_star_round_ = base;
  bool improved = true;
  for (int loop = focus ? 1 : 0; improved; ++loop) {
    improved = false;
    for (int u : order_) {
      if (ImproveClient(u, loop)) improved = true;
    }
    if (!improved) {
      // SWAP* between routes holding correlated clients, only when simple moves are exhausted
      // and only for pairs with a route changed since the previous SWAP* round.
      const int64_t previous = swap_star_round_;
      swap_star_round_ = clock_;
      for (size_t r1 = 0; r1 < routes_.size(); ++r1) {
        for (size_t r2 = r1 + 1; r2 < routes_.size(); ++r2) {
          if (std::max(routes_[r1].modified, routes_[r2].modified) <= previous) continue;
          if (TrySwapStar(static_cast<int>(r1), static_cast<int>(r2))) improved = true;
        }
      }
    }
  }
  Export(ind);
  Evaluate(inst_, pen_, ind);
}

bool LocalSearch::ImproveClient(int u, int loop) {
  const int64_t last = last_tested_[u];
  last_tested_[u] = clock_;
  bool improved = false;
  for (int v : inst_.Neighbours(u)) {
    const int64_t mod = std::max(routes_[route_of_[u]].modified, routes_[route_of_[v]].modified);
    if (loop > 0 && mod <= last) continue;
    if (TryPair(u, v)) improved = true;
  }
  if ((loop == 0 || routes_[route_of_[u]].modified > last) && TryEmptyRoutes(u)) improved = true;
  return improved;
}

bool LocalSearch::TryPair(int u, int v) {
  const int ru = route_of_[u], rv = route_of_[v];
  const int i = pos_of_[u], j = pos_of_[v];
  const RouteState& RU = routes_[ru];
  const bool x_client = i + 1 < RU.size() + 1;
  const int x = RU.nodes[i + 1];
  if (TryRelocate(u, 1, false, rv, j)) return true;
  if (x_client && x != v) {
    if (TryRelocate(u, 2, false, rv, j)) return true;
    if (TryRelocate(u, 2, true, rv, j)) return true;
  }
  if (TrySwap(u, 1, v, 1)) return true;
  if (x_client && x != v) {
    if (TrySwap(u, 2, v, 1)) return true;
    const RouteState& RV = routes_[rv];
    if (j + 1 < RV.size() + 1 && TrySwap(u, 2, v, 2)) return true;
  }
  if (ru == rv) {
    if (i < j && j > i + 1) {
      // 2-opt: reverse nodes[i+1..j].
      buf_a_.assign(RU.nodes.begin() + i + 1, RU.nodes.begin() + j + 1);
      std::reverse(buf_a_.begin(), buf_a_.end());
      Edit e{ru, i + 1, j, buf_a_.data(), static_cast<int>(buf_a_.size())};
      e.dist = RU.fdist[i] + inst_.Dist(RU.nodes[i], RU.nodes[j]) + RunDist(RU, i + 1, j, true) +
               inst_.Dist(RU.nodes[i + 1], RU.nodes[j + 1]) + RU.bdist[j + 1];
      if (TryEdits(&e, 1)) return true;
    }
  } else if (TryTwoOptStar(u, v)) {
    return true;
  }
  if (j == 1) {
    // v is first in its route: also try placing u right after the start depot.
    if (TryRelocate(u, 1, false, rv, 0)) return true;
    if (x_client && TryRelocate(u, 2, false, rv, 0)) return true;
    if (x_client && TryRelocate(u, 2, true, rv, 0)) return true;
    if (ru != rv && TwoOptStarAt(ru, i, rv, 0)) return true;
  }
  return false;
}

bool LocalSearch::TryEmptyRoutes(int u) {
  const int64_t stamp = clock_ * 1000003 + u;
  for (size_t r = 0; r < routes_.size(); ++r) {
    if (routes_[r].size() != 0) continue;
    const int type = inst_.vehicles()[routes_[r].vehicle].type;
    if (type_stamp_[type] == stamp) continue;
    type_stamp_[type] = stamp;
    if (TryRelocate(u, 1, false, static_cast<int>(r), 0)) return true;
  }
  return false;
}

bool LocalSearch::TryRelocate(int u, int len, bool reverse, int r2, int j) {
  const int ru = route_of_[u], i = pos_of_[u];
  const RouteState& RU = routes_[ru];
  int block[2] = {RU.nodes[i], len == 2 ? RU.nodes[i + 1] : -1};
  if (reverse) std::swap(block[0], block[1]);
  if (ru != r2) {
    Edit e[2] = {{ru, i, i + len - 1, nullptr, 0}, {r2, j + 1, j, block, len}};
    return TryEdits(e, 2);
  }
  if (j >= i - 1 && j <= i + len - 1) return false;
  buf_a_.clear();
  Edit e{ru, 0, 0, nullptr, 0};
  const auto& nd = RU.nodes;
  const int b1 = block[0], bl = block[len - 1];
  const int64_t inner = len == 2 ? inst_.Dist(block[0], block[1]) : 0;
  if (j > i) {
    buf_a_.assign(nd.begin() + i + len, nd.begin() + j + 1);
    buf_a_.insert(buf_a_.end(), block, block + len);
    e.lo = i;
    e.hi = j;
    e.dist = RU.fdist[i - 1] + inst_.Dist(nd[i - 1], nd[i + len]) + RunDist(RU, i + len, j, false) +
             inst_.Dist(nd[j], b1) + inner + inst_.Dist(bl, nd[j + 1]) + RU.bdist[j + 1];
  } else {
    buf_a_.assign(block, block + len);
    buf_a_.insert(buf_a_.end(), nd.begin() + j + 1, nd.begin() + i);
    e.lo = j + 1;
    e.hi = i + len - 1;
    e.dist = RU.fdist[j] + inst_.Dist(nd[j], b1) + inner + inst_.Dist(bl, nd[j + 1]) +
             RunDist(RU, j + 1, i - 1, false) + inst_.Dist(nd[i - 1], nd[i + len]) +
             RU.bdist[i + len];
  }
  e.mid = buf_a_.data();
  e.len = static_cast<int>(buf_a_.size());
  return TryEdits(&e, 1);
}

bool LocalSearch::TrySwap(int u, int la, int v, int lb) {
  const int ru = route_of_[u], rv = route_of_[v];
  int i = pos_of_[u], j = pos_of_[v];
  const RouteState& RU = routes_[ru];
  const RouteState& RV = routes_[rv];
  if (ru != rv) {
    Edit e[2] = {{ru, i, i + la - 1, &RV.nodes[j], lb}, {rv, j, j + lb - 1, &RU.nodes[i], la}};
    return TryEdits(e, 2);
  }
  if (i > j) {
    std::swap(i, j);
    std::swap(la, lb);
  }
  if (i + la - 1 >= j) return false;  // overlapping blocks
  buf_a_.assign(RU.nodes.begin() + j, RU.nodes.begin() + j + lb);
  buf_a_.insert(buf_a_.end(), RU.nodes.begin() + i + la, RU.nodes.begin() + j);
  buf_a_.insert(buf_a_.end(), RU.nodes.begin() + i, RU.nodes.begin() + i + la);
  Edit e{ru, i, j + lb - 1, buf_a_.data(), static_cast<int>(buf_a_.size())};
  const auto& nd = RU.nodes;
  const int a_last = i + la - 1, b_last = j + lb - 1;
  int64_t d = RU.fdist[i - 1] + inst_.Dist(nd[i - 1], nd[j]) + RunDist(RU, j, b_last, false);
  if (i + la == j) {
    d += inst_.Dist(nd[b_last], nd[i]);
  } else {
    d += inst_.Dist(nd[b_last], nd[i + la]) + RunDist(RU, i + la, j - 1, false) +
         inst_.Dist(nd[j - 1], nd[i]);
  }
  e.dist = d + RunDist(RU, i, a_last, false) + inst_.Dist(nd[a_last], nd[b_last + 1]) +
           RU.bdist[b_last + 1];
  return TryEdits(&e, 1);
}

Seg LocalSearch::MidSeg(const Seg& prefix, const Edit& e) const {
  Seg s = prefix;
  for (int k = 0; k < e.len; ++k) s = inst_.Join(s, inst_.NodeSeg(e.mid[k]));
  return s;
}

double LocalSearch::EditCost(const Edit& e) const {
  const RouteState& R = routes_[e.route];
  const Seg s = inst_.Join(MidSeg(R.fwd[e.lo - 1], e), R.bwd[e.hi + 1]);
  return inst_.RouteCost(s, inst_.vehicles()[R.vehicle], pen_);
}

double LocalSearch::EditLowerBound(const Edit& e) const {
  const RouteState& R = routes_[e.route];
  // Clients kept before and after the window: lo - 1 and size - hi.
  if (e.lo - 1 + R.size() - e.hi + e.len == 0) return 0;
  const VehicleData& v = inst_.vehicles()[R.vehicle];
  int64_t dist = e.dist;
  if (dist < 0) {
    dist = R.fdist[e.lo - 1] + R.bdist[e.hi + 1];
    int prev = R.nodes[e.lo - 1];
    // Symmetric distances are read from the rows of the moved clients (hot in the cache while
    // their neighbourhood is explored) rather than from the rows of their new neighbours.
    const bool sym = inst_.symmetric();
    for (int k = 0; k < e.len; ++k) {
      dist += sym ? inst_.Dist(e.mid[k], prev) : inst_.Dist(prev, e.mid[k]);
      prev = e.mid[k];
    }
    dist += inst_.Dist(prev, R.nodes[e.hi + 1]);
  }
  return v.fixed + v.per_dist * static_cast<double>(dist);
}

// Exact penalised cost of an edit in a simple instance, given its distance bound (which is the
// exact fixed + distance cost there): only the load penalty is added, from prefix loads.
double LocalSearch::SimpleEditCost(const Edit& e, double bound) const {
  if (bound == 0) return 0;  // the route becomes empty
  const RouteState& R = routes_[e.route];
  routing::Load load = R.fwd.back().del;
  const routing::Load& hi = R.fwd[e.hi].del;
  const routing::Load& lo = R.fwd[e.lo - 1].del;
  for (int d = 0; d < inst_.dims(); ++d) {
    load[d] -= hi[d] - lo[d];
    for (int k = 0; k < e.len; ++k) load[d] += inst_.NodeSeg(e.mid[k]).del[d];
  }
  return bound + pen_.load * inst_.DeliveryExcess(load, inst_.vehicles()[R.vehicle]);
}

bool LocalSearch::TryEdits(Edit* edits, int count) {
  double old_cost = 0, bound = 0, bounds[2];
  for (int k = 0; k < count; ++k) {
    old_cost += routes_[edits[k].route].cost;
    bounds[k] = EditLowerBound(edits[k]);
    bound += bounds[k];
  }
  if (bound > old_cost - kEps) return false;
  double new_cost = 0;
  if (inst_.simple() && count == 1) {
    // Intra-route edit: the load, hence the load penalty, does not change.
    const RouteState& R = routes_[edits[0].route];
    new_cost =
        bound + pen_.load * inst_.DeliveryExcess(R.fwd.back().del, inst_.vehicles()[R.vehicle]);
  } else if (inst_.simple()) {
    for (int k = 0; k < count; ++k) new_cost += SimpleEditCost(edits[k], bounds[k]);
  } else {
    for (int k = 0; k < count; ++k) new_cost += EditCost(edits[k]);
  }
  if (new_cost > old_cost - kEps) return false;
  // Copy the middles first: they may point into routes that the first Apply rewrites.
  std::vector<int> mids[2];
  for (int k = 0; k < count; ++k) mids[k].assign(edits[k].mid, edits[k].mid + edits[k].len);
  for (int k = 0; k < count; ++k) {
    edits[k].mid = mids[k].data();
    Apply(edits[k]);
  }
  for (int k = 0; k < count; ++k) Rebuild(edits[k].route);
  return true;
}

void LocalSearch::Apply(const Edit& e) {
  std::vector<int>& nodes = routes_[e.route].nodes;
  apply_buf_.assign(nodes.begin(), nodes.begin() + e.lo);
  apply_buf_.insert(apply_buf_.end(), e.mid, e.mid + e.len);
  apply_buf_.insert(apply_buf_.end(), nodes.begin() + e.hi + 1, nodes.end());
  nodes.swap(apply_buf_);
}

bool LocalSearch::TryTwoOptStar(int u, int v) {
  return TwoOptStarAt(route_of_[u], pos_of_[u], route_of_[v], pos_of_[v]);
}

// (a -> after a), (b -> after b) become (a -> after b), (b -> after a): route r1 keeps its
// prefix up to position i and takes r2's clients after position j, and vice versa.
bool LocalSearch::TwoOptStarAt(int r1, int i, int r2, int j) {
  const RouteState& A = routes_[r1];
  const RouteState& B = routes_[r2];
  const VehicleData& va = inst_.vehicles()[A.vehicle];
  const VehicleData& vb = inst_.vehicles()[B.vehicle];
  const Seg& ta = A.tail[i + 1];
  const Seg& tb = B.tail[j + 1];
  auto bound = [&](const Seg& pre, int from, const Seg& t, const VehicleData& v) {
    if (pre.count + t.count == 0) return 0.0;
    const int64_t d = t.count ? inst_.Dist(from, t.first) + t.dist + inst_.Dist(t.last, v.end)
                              : inst_.Dist(from, v.end);
    return v.fixed + v.per_dist * static_cast<double>(pre.dist + d);
  };
  const double old_cost = A.cost + B.cost;
  if (bound(A.fwd[i], A.nodes[i], tb, va) + bound(B.fwd[j], B.nodes[j], ta, vb) > old_cost - kEps) {
    return false;
  }
  double new_cost = 0;
  if (inst_.simple()) {
    auto cost = [&](const Seg& pre, int from, const Seg& t, const VehicleData& v) {
      const double b = bound(pre, from, t, v);
      if (b == 0) return 0.0;
      routing::Load load = pre.del;
      for (int d = 0; d < inst_.dims(); ++d) load[d] += t.del[d];
      return b + pen_.load * inst_.DeliveryExcess(load, v);
    };
    new_cost = cost(A.fwd[i], A.nodes[i], tb, va) + cost(B.fwd[j], B.nodes[j], ta, vb);
  } else {
    auto build = [&](const Seg& pre, const Seg& t, const VehicleData& v) {
      return inst_.Join(t.count ? inst_.Join(pre, t) : pre, v.end_seg);
    };
    new_cost = inst_.RouteCost(build(A.fwd[i], tb, va), va, pen_) +
               inst_.RouteCost(build(B.fwd[j], ta, vb), vb, pen_);
  }
  if (new_cost > old_cost - kEps) return false;
  buf_a_.assign(A.nodes.begin(), A.nodes.begin() + i + 1);
  buf_a_.insert(buf_a_.end(), B.nodes.begin() + j + 1, B.nodes.end() - 1);
  buf_a_.push_back(va.end);
  buf_b_.assign(B.nodes.begin(), B.nodes.begin() + j + 1);
  buf_b_.insert(buf_b_.end(), A.nodes.begin() + i + 1, A.nodes.end() - 1);
  buf_b_.push_back(vb.end);
  routes_[r1].nodes.swap(buf_a_);
  routes_[r2].nodes.swap(buf_b_);
  Rebuild(r1);
  Rebuild(r2);
  return true;
}

bool LocalSearch::RoutesCorrelated(int r1, int r2) const {
  const RouteState& A = routes_[r1];
  for (int i = 1; i <= A.size(); ++i) {
    for (int w : inst_.Neighbours(A.nodes[i])) {
      if (route_of_[w] == r2) return true;
    }
  }
  return false;
}

bool LocalSearch::SwapStarCandidates(int r1, int r2) const {
  if (inst_.has_angles()) return routes_[r1].sector.Overlaps(routes_[r2].sector);
  return RoutesCorrelated(r1, r2);
}

// The three cheapest (distance) insertion gaps of client c in route `into`, computed lazily
// and reused until that route changes.
const LocalSearch::TopInsertions& LocalSearch::Top(int c, int into) {
  TopInsertions& top = top_[cache_top_ ? static_cast<size_t>(into) * inst_.n() + c : c];
  const RouteState& R = routes_[into];
  if (top.route == into && top.stamp >= R.modified) return top;
  top = TopInsertions{};
  top.route = into;
  top.stamp = clock_;
  const double per = inst_.vehicles()[R.vehicle].per_dist;
  const bool sym = inst_.symmetric();
  for (int p = 0; p <= R.size(); ++p) {
    const int a = R.nodes[p], b = R.nodes[p + 1];
    const int64_t in = sym ? inst_.Dist(c, a) : inst_.Dist(a, c);
    top.Add(per * static_cast<double>(in + inst_.Dist(c, b) - (R.fdist[p + 1] - R.fdist[p])), p);
  }
  return top;
}

// Distance cost saved by removing each client of r (index i - 1 for position i).
void LocalSearch::RemovalGains(const RouteState& r, std::vector<double>& out) const {
  const double per = inst_.vehicles()[r.vehicle].per_dist;
  out.resize(r.size());
  for (int i = 1; i <= r.size(); ++i) {
    const int64_t around = r.fdist[i + 1] - r.fdist[i - 1];
    out[i - 1] = per * static_cast<double>(around - inst_.Dist(r.nodes[i - 1], r.nodes[i + 1]));
  }
}

double LocalSearch::BestInsertion(int c, int into, int removed_pos) {
  const TopInsertions& top = Top(c, into);
  const RouteState& R = routes_[into];
  const int prev = R.nodes[removed_pos - 1], next = R.nodes[removed_pos + 1];
  const double per = inst_.vehicles()[R.vehicle].per_dist;
  double best =
      per * static_cast<double>(inst_.Dist(prev, c) + inst_.Dist(c, next) - inst_.Dist(prev, next));
  for (int k = 0; k < 3; ++k) {
    const int p = top.pos[k];
    if (p < 0 || p == removed_pos || p == removed_pos - 1) continue;
    best = std::min(best, top.cost[k]);
    break;  // sorted: the first valid gap is the best one
  }
  return best;
}

int LocalSearch::BestInsertionPos(int c, int into, int removed_pos) {
  const TopInsertions& top = Top(c, into);
  const RouteState& R = routes_[into];
  const int prev = R.nodes[removed_pos - 1], next = R.nodes[removed_pos + 1];
  const double per = inst_.vehicles()[R.vehicle].per_dist;
  const double in_place =
      per * static_cast<double>(inst_.Dist(prev, c) + inst_.Dist(c, next) - inst_.Dist(prev, next));
  for (int k = 0; k < 3; ++k) {
    const int p = top.pos[k];
    if (p < 0 || p == removed_pos || p == removed_pos - 1) continue;
    if (top.cost[k] < in_place) return p;
    break;
  }
  return removed_pos - 1;  // in place of the removed client
}

double LocalSearch::ApproxLoadPenalty(const RouteState& R, int out, int in) const {
  const VehicleData& v = inst_.vehicles()[R.vehicle];
  const Seg& s = R.fwd.back();
  const Seg& so = inst_.NodeSeg(out);
  const Seg& si = inst_.NodeSeg(in);
  double e = 0;
  for (int d = 0; d < inst_.dims(); ++d) {
    const int64_t del = s.del[d] - so.del[d] + si.del[d];
    const int64_t pick = s.pick[d] - so.pick[d] + si.pick[d];
    const int64_t peak = std::max(del, pick);
    if (peak > v.capacity[d]) e += static_cast<double>(peak - v.capacity[d]) * inst_.load_weight(d);
  }
  return pen_.load * e;
}

bool LocalSearch::TrySwapStar(int r1, int r2) {
  const RouteState& A = routes_[r1];
  const RouteState& B = routes_[r2];
  if (A.size() == 0 || B.size() == 0 || !SwapStarCandidates(r1, r2)) return false;
  RemovalGains(A, gain_a_);
  RemovalGains(B, gain_b_);
  const double cur_pen = pen_.load * (inst_.LoadExcess(A.fwd.back(), inst_.vehicles()[A.vehicle]) +
                                      inst_.LoadExcess(B.fwd.back(), inst_.vehicles()[B.vehicle]));
  double best = -kEps;
  int best_i = -1, best_j = -1;
  for (int i = 1; i <= A.size(); ++i) {
    const int u = A.nodes[i];
    const double rem_u = gain_a_[i - 1];
    for (int j = 1; j <= B.size(); ++j) {
      const double rem_v = gain_b_[j - 1];
      // Lower bound: the load penalty may vanish and insertions cost >= 0 (triangle inequality).
      if (-rem_u - rem_v - cur_pen >= best) continue;
      const int v = B.nodes[j];
      double delta =
          ApproxLoadPenalty(A, u, v) + ApproxLoadPenalty(B, v, u) - cur_pen - rem_u - rem_v;
      if (delta >= best) continue;
      delta += BestInsertion(u, r2, j);
      if (delta >= best) continue;
      delta += BestInsertion(v, r1, i);
      if (delta < best) {
        best = delta;
        best_i = i;
        best_j = j;
      }
    }
  }
  if (best_i < 0) return false;
  return ApplySwapStar(r1, best_i, r2, best_j);
}

// Builds the two routes of the best SWAP* candidate and applies them if the exact penalised
// cost (time windows included) improves.
bool LocalSearch::ApplySwapStar(int r1, int i, int r2, int j) {
  const RouteState& A = routes_[r1];
  const RouteState& B = routes_[r2];
  const int u = A.nodes[i], v = B.nodes[j];
  const int pu = BestInsertionPos(u, r2, j), pv = BestInsertionPos(v, r1, i);
  auto build = [](const RouteState& R, int removed, int c, int after, std::vector<int>& out) {
    out.clear();
    for (int k = 0; k < static_cast<int>(R.nodes.size()); ++k) {
      if (k != removed) out.push_back(R.nodes[k]);
      if (k == after) out.push_back(c);
    }
  };
  build(A, i, v, pv, buf_a_);
  build(B, j, u, pu, buf_b_);
  auto cost = [&](const std::vector<int>& nodes, const RouteState& R) {
    const VehicleData& veh = inst_.vehicles()[R.vehicle];
    Seg s = veh.start_seg;
    for (size_t k = 1; k + 1 < nodes.size(); ++k) s = inst_.Join(s, inst_.NodeSeg(nodes[k]));
    return inst_.RouteCost(inst_.Join(s, veh.end_seg), veh, pen_);
  };
  if (cost(buf_a_, A) + cost(buf_b_, B) > A.cost + B.cost - kEps) return false;
  routes_[r1].nodes.swap(buf_a_);
  routes_[r2].nodes.swap(buf_b_);
  Rebuild(r1);
  Rebuild(r2);
  return true;
}

}  // namespace ruralec::routing::internal
