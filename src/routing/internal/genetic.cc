#include "routing/internal/genetic.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "routing/internal/decompose.h"

namespace ruralec::routing::internal {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTargetFeasible = 0.2;
constexpr int kSweepFromClients = 500;
// Initialisation stops at 5 % of the budget once 4 individuals exist (large instances): the
// annealed ruin and recreate needs one good plan, not a full population.
constexpr double kInitPercent = 5;
constexpr std::chrono::seconds kHeartbeat{1};
}  // namespace

Genetic::Genetic(const Instance& inst, const SolveOptions& options, uint64_t seed)
    : inst_(inst),
      options_(options),
      rng_(seed),
      ls_(inst, rng_),
      pop_(inst,
           PopulationParams{options.population_min, options.generation_size, options.elite,
                            options.close},
           rng_) {
  pen_.load = std::clamp(inst.max_dist() * inst.avg_per_dist() / inst.max_demand(), 0.1, 1000.0);
  pen_.time = inst.avg_per_dist() * options.time_penalty_start;
}

Individual Genetic::Run(const Budget& budget, const ProgressCallback& progress) {
  const auto start = std::chrono::steady_clock::now();
  bool stop = false;
  auto should_stop = [&] {
    return stop || (options_.cancel && options_.cancel->load()) || budget.Expired() ||
           (options_.max_iterations >= 0 && iteration_ >= options_.max_iterations);
  };
  auto last_call = start;
  auto call = [&](bool improved) {
    const auto now = std::chrono::steady_clock::now();
    if (!progress || (!improved && now - last_call < kHeartbeat)) return;
    last_call = now;
    const double secs = std::chrono::duration<double>(now - start).count();
    if (!progress(Progress{secs, iteration_, best_ ? best_->cost : 0, improved})) stop = true;
  };
  auto report = [&] {
    const Individual* b = pop_.best();
    const bool improved = b && (!best_ || b->cost < best_->cost - 1e-9);
    if (improved) best_ = *b;
    call(improved);
    return improved;
  };
  int64_t last_improvement = 0;
  while (!should_stop()) {
    // (Re)initialise with 4 * mu educated random individuals, then evolve.
    // On large instances the random starts are expensive: cap initialisation (kInitPercent).
    const double init_start = budget.Elapsed();
    const double init_cap = budget.Remaining() * kInitPercent / 100;
    for (int k = 0; k < 4 * options_.population_min && !should_stop(); ++k) {
      // (Not with an iteration limit: seeded runs must not depend on the machine's speed.)
      if (k >= 4 && options_.max_iterations < 0 && budget.Elapsed() - init_start > init_cap) break;
      Individual ind = k == 0 && start_                 ? *start_
                       : k % 2 == 0 && UseSweepStarts() ? SweepIndividual()
                                                        : RandomIndividual();
      Educate(ind);
      report();
    }
    last_improvement = iteration_;
    while (!should_stop() &&
           iteration_ - last_improvement < options_.iterations_without_improvement) {
      const int every = options_.decomposition_every;
      if (UseDecomposition() && best_ && iteration_ % every == every - 1) {
        Decompose(budget);
        ++iteration_;
        if (report()) {
          last_improvement = iteration_;
          current_ = best_;
        }
        continue;
      }
      const bool rr =
          UseRuinRecreate() && static_cast<int>(rng_() % 100) < options_.ruin_recreate_percent;
      const Individual* base = current_ ? &*current_ : pop_.best();
      // Read now: Educate may add to the population and move the individual `base` points to
      // (a heap-use-after-free found by the ASan build, DecomposeTest.LargeInstance…).
      const bool has_base = base != nullptr;
      const auto base_cost = has_base ? base->cost : decltype(base->cost){};
      Individual child = rr ? RuinRecreate(base ? *base : pop_.Tournament())
                            : Crossover(pop_.Tournament(), pop_.Tournament());
      Educate(child, rr ? &focus_ : nullptr);
      ++iteration_;
      if (rr && child.feasible && has_base && Accept(child.cost, base_cost, budget)) {
        current_ = std::move(child);
      }
      if (report()) {
        last_improvement = iteration_;
        current_ = best_;
      }
      if (PenaltiesDue(budget)) ManagePenalties();
    }
    pop_.Clear();
    current_.reset();
  }
  if (best_) return *best_;
  const Individual* inf = pop_.BestInfeasible();
  if (inf) return *inf;
  Individual ind = RandomIndividual();
  Evaluate(inst_, pen_, ind);
  return ind;
}

// Simulated-annealing acceptance of ruin-and-recreate children (as in FILO, Accorsi & Vigo
// 2021, and SISR, Christiaens & Vanden Berghe 2020): the next child is made from the current
// plan, which may be slightly worse than the best, so the search can leave a local optimum.
// The temperature falls geometrically from annealing_start to annealing_end times the mean arc
// cost of the best plan over the run (by time, or by iterations when max_iterations is set,
// which keeps seeded runs reproducible).
bool Genetic::Accept(double child, double current, const Budget& budget) {
  if (child < current - 1e-9) return true;
  if (!best_) return false;
  const double routes = static_cast<double>(std::count_if(
      best_->routes.begin(), best_->routes.end(), [](const auto& r) { return !r.empty(); }));
  const double arcs = static_cast<double>(inst_.num_clients()) + routes;
  const double t0 = options_.annealing_start * best_->cost / arcs;
  const double ff = options_.annealing_end / std::max(options_.annealing_start, 1e-12);
  const double frac =
      options_.max_iterations > 0
          ? static_cast<double>(iteration_) / static_cast<double>(options_.max_iterations)
          : std::clamp(budget.Elapsed() / budget.limit(), 0.0, 1.0);
  const double temp = t0 * std::pow(ff, frac);
  if (temp <= 0) return false;
  std::uniform_real_distribution<double> u(1e-12, 1.0);
  return child < current - temp * std::log(u(rng_));
}

// Not with time windows: on the Gehring–Homberger 1,000-client instances the sub-searches
// (1,000 full-local-search iterations on 150 clients with windows) took the budget from the
// annealed ruin and recreate, 3.39 % against 2.70 % average gap at 60 s (docs/ROUTING.md).
bool Genetic::UseDecomposition() const {
  return UseRuinRecreate() && options_.decomposition_every > 0 && !inst_.has_tw() &&
         CanDecompose(inst_);
}

// One decomposition step: a sector of the current plan's routes is re-optimised as a small
// CVRP by a fresh search started from those routes, and spliced back if cheaper.
void Genetic::Decompose(const Budget& budget) {
  const int size = options_.decomposition_clients;
  const int iters = options_.decomposition_iterations;
  const Individual base = current_ ? *current_ : *best_;
  const SubProblem sub = MakeSubProblem(inst_, base, size, 2, rng_);
  if (sub.nodes.size() < 3) return;
  const Instance sub_inst(sub.problem, options_.granular_neighbours);
  SolveOptions o = options_;
  o.max_iterations = iters;
  o.iterations_without_improvement = iters;
  Genetic ga(sub_inst, o, rng_());
  ga.start_ = sub.start;
  const Individual solved =
      ga.Run(Budget(std::max(0.0, budget.Remaining()), options_.cpu_time), nullptr);
  if (!solved.feasible) return;
  Individual child = base;
  Splice(sub, solved, child);
  Evaluate(inst_, pen_, child);
  if (!child.feasible) return;
  pop_.Add(child);
  if (child.cost < base.cost - 1e-9) current_ = std::move(child);
}

void Genetic::Educate(Individual& ind, const std::vector<char>* focus) {
  ls_.Run(ind, pen_, focus);
  load_ok_.push_back(ind.load_excess < 1e-9);
  time_ok_.push_back(ind.time_excess == 0);
  pop_.Add(ind);
  if (!ind.feasible && rng_() % 2 == 0) {
    Penalties strong{pen_.load * 10, pen_.time * 10};
    ls_.Run(ind, strong);
    Evaluate(inst_, pen_, ind);
    if (ind.feasible) pop_.Add(ind);
  }
}

// Every penalty_window iterations, and on a time budget also every 1 % of it: on large
// instances with time windows an iteration can take 50 ms, and penalties that adapt every 100
// iterations (5 s) leave the search infeasible for most of a one-minute run. Seeded runs with
// an iteration limit count iterations only.
bool Genetic::PenaltiesDue(const Budget& budget) {
  bool due = iteration_ % std::max(1, options_.penalty_window) == 0;
  if (options_.max_iterations < 0 && budget.Elapsed() - last_penalty_update_ > budget.limit() / 100)
    due = true;
  if (due) last_penalty_update_ = budget.Elapsed();
  return due;
}

void Genetic::ManagePenalties() {
  auto adjust = [](std::vector<char>& outcomes, double& penalty) {
    if (outcomes.empty()) return;
    const double frac = std::accumulate(outcomes.begin(), outcomes.end(), 0.0) /
                        static_cast<double>(outcomes.size());
    if (frac < kTargetFeasible - 0.05) penalty = std::min(penalty * 1.2, 1e6);
    if (frac > kTargetFeasible + 0.05) penalty = std::max(penalty * 0.85, 1e-2);
    outcomes.clear();
  };
  adjust(load_ok_, pen_.load);
  adjust(time_ok_, pen_.time);
  pop_.Reprice(pen_);
}

// Large instances get half of their initial individuals from a sweep: clients ordered by polar
// angle from a random starting direction, split optimally. The local search starts much
// closer to a good plan than from a random tour, which matters when iterations are scarce.
bool Genetic::UseSweepStarts() const {
  return inst_.homogeneous() && inst_.has_angles() && inst_.num_clients() > kSweepFromClients;
}

Individual Genetic::SweepIndividual() {
  std::vector<int> clients(inst_.num_clients());
  std::iota(clients.begin(), clients.end(), inst_.num_depots());
  const int offset = static_cast<int>(rng_() % Instance::kFullTurn);
  auto key = [&](int c) {
    return (inst_.Angle(c) - offset + Instance::kFullTurn) % Instance::kFullTurn;
  };
  std::stable_sort(clients.begin(), clients.end(), [&](int a, int b) { return key(a) < key(b); });
  if (rng_() % 2) std::reverse(clients.begin(), clients.end());
  Individual ind;
  ind.routes.assign(inst_.vehicles().size(), {});
  SplitTour(clients, ind);
  return ind;
}

// On instances with more than 200 clients a crossover child needs a near-complete local search,
// and a 60-s budget allows only a few hundred of them (X-n1001). There, 97 % of the children
// are made by ruin and recreate around the best plan: remove a cluster of 10-40 neighbouring
// clients, reinsert them at least cost; the local search starts from the changed routes only.
bool Genetic::UseRuinRecreate() const {
  return inst_.num_clients() > options_.ruin_recreate_from_clients;
}

int Genetic::RouteRuinPercent() const {
  if (options_.route_ruin_percent >= 0) return options_.route_ruin_percent;
  return inst_.has_tw() ? 50 : 0;
}

// Route ruin: every client of a small route (the smallest of three drawn at random) is
// removed; the caller then grows the usual cluster from those clients. Clustered removals alone
// never empty a route, so a plan that starts with too many routes (time windows: a random start is
// split into many short routes) keeps them; reinserting a whole route is how it loses one.
std::vector<int> Genetic::RouteRuin(const Individual& parent, std::vector<char>& removed) {
  std::vector<int> used;
  for (size_t r = 0; r < parent.routes.size(); ++r) {
    if (!parent.routes[r].empty()) used.push_back(static_cast<int>(r));
  }
  std::vector<int> out;
  if (used.size() < 2) return out;
  int pick = used[rng_() % used.size()];
  for (int t = 0; t < 2; ++t) {
    const int other = used[rng_() % used.size()];
    if (parent.routes[other].size() < parent.routes[pick].size()) pick = other;
  }
  for (int c : parent.routes[pick]) {
    removed[c] = 1;
    out.push_back(c);
  }
  return out;
}

// String removal (SISR, Christiaens & Vanden Berghe 2020): from a random seed client, walk its
// neighbours; in each route met for the first time remove a string of consecutive clients
// containing that neighbour, until about `target` clients from a few routes are out. Strings
// keep the removed clients adjacent in their routes, so the recreate can rebuild route ends
// and reorder route segments that a scattered cluster removal leaves in place.
std::vector<int> Genetic::StringRuin(const Individual& parent, int target,
                                     std::vector<char>& removed) {
  std::vector<int> route_of(inst_.n(), -1), pos_of(inst_.n(), -1);
  double clients = 0, used = 0;
  for (size_t r = 0; r < parent.routes.size(); ++r) {
    const auto& route = parent.routes[r];
    for (size_t i = 0; i < route.size(); ++i) {
      route_of[route[i]] = static_cast<int>(r);
      pos_of[route[i]] = static_cast<int>(i);
    }
    clients += static_cast<double>(route.size());
    used += route.empty() ? 0 : 1;
  }
  const int max_len = std::max(1, std::min(10, static_cast<int>(clients / std::max(used, 1.0))));
  const int max_strings = std::max(1, 4 * target / (1 + max_len) - 1);
  const int strings = 1 + static_cast<int>(rng_() % max_strings);
  std::uniform_int_distribution<int> pick(inst_.num_depots(), inst_.n() - 1);
  const int seed = pick(rng_);
  std::vector<int> out;
  std::vector<char> ruined(parent.routes.size(), 0);
  int done = 0;
  std::vector<int> walk = {seed};
  walk.insert(walk.end(), inst_.Neighbours(seed).begin(), inst_.Neighbours(seed).end());
  for (int c : walk) {
    if (done >= strings) break;
    const int r = route_of[c];
    if (r < 0 || removed[c] || ruined[r]) continue;
    const auto& route = parent.routes[r];
    const int size = static_cast<int>(route.size());
    const int len = 1 + static_cast<int>(rng_() % std::min(size, max_len));
    // A random window of `len` positions that contains c's position.
    const int lo_min = std::max(0, pos_of[c] - len + 1), lo_max = std::min(pos_of[c], size - len);
    const int lo = lo_min + static_cast<int>(rng_() % (lo_max - lo_min + 1));
    for (int i = lo; i < lo + len; ++i) {
      removed[route[i]] = 1;
      out.push_back(route[i]);
    }
    ruined[r] = 1;
    ++done;
  }
  return out;
}

Individual Genetic::RuinRecreate(const Individual& parent) {
  std::uniform_int_distribution<int> pick(inst_.num_depots(), inst_.n() - 1);
  const int ruin_min = std::max(1, options_.ruin_min);
  std::uniform_int_distribution<int> size(ruin_min, std::max(ruin_min, options_.ruin_max));
  const int target = std::min(size(rng_), inst_.num_clients());
  std::vector<char> removed(inst_.n(), 0);
  std::vector<int> out;
  if (static_cast<int>(rng_() % 100) < RouteRuinPercent()) {
    out = RouteRuin(parent, removed);
  } else if (static_cast<int>(rng_() % 100) < options_.string_ruin_percent) {
    out = StringRuin(parent, target, removed);
    if (!out.empty()) return Recreate(parent, std::move(out), removed);
  }
  const size_t first_cluster = out.size();
  if (out.empty()) {
    out.push_back(pick(rng_));
    removed[out[0]] = 1;
  }
  for (size_t k = 0; k < out.size() && static_cast<int>(out.size() - first_cluster) < target; ++k) {
    for (int w : inst_.Neighbours(out[k])) {
      if (removed[w] || rng_() % 2) continue;
      removed[w] = 1;
      out.push_back(w);
      if (static_cast<int>(out.size() - first_cluster) >= target) break;
    }
  }
  return Recreate(parent, std::move(out), removed);
}

// The parent without the removed clients, which are reinserted in random order; the routes
// that changed are the local search's focus.
Individual Genetic::Recreate(const Individual& parent, std::vector<int> out,
                             const std::vector<char>& removed) {
  Individual child;
  child.routes = parent.routes;
  for (auto& route : child.routes) {
    route.erase(std::remove_if(route.begin(), route.end(), [&](int c) { return removed[c]; }),
                route.end());
  }
  std::shuffle(out.begin(), out.end(), rng_);
  InsertMissing(std::move(out), child);
  focus_.assign(child.routes.size(), 0);
  for (size_t r = 0; r < child.routes.size(); ++r) focus_[r] = child.routes[r] != parent.routes[r];
  return child;
}

Individual Genetic::RandomIndividual() {
  std::vector<int> clients(inst_.num_clients());
  std::iota(clients.begin(), clients.end(), inst_.num_depots());
  std::shuffle(clients.begin(), clients.end(), rng_);
  Individual ind;
  ind.routes.assign(inst_.vehicles().size(), {});
  if (inst_.homogeneous()) {
    SplitTour(clients, ind);
  } else {
    InsertMissing(clients, ind);
  }
  return ind;
}

Individual Genetic::Crossover(const Individual& a, const Individual& b) {
  return inst_.homogeneous() ? OrderCrossover(a, b) : RouteCrossover(a, b);
}

// OX on giant tours: a random cyclic slice of parent a, the rest in parent b's order.
Individual Genetic::OrderCrossover(const Individual& a, const Individual& b) {
  const std::vector<int> ta = GiantTour(a), tb = GiantTour(b);
  const int n = static_cast<int>(ta.size());
  Individual child;
  child.routes.assign(inst_.vehicles().size(), {});
  if (n == 0) return child;
  std::uniform_int_distribution<int> pos(0, n - 1);
  const int start = pos(rng_);
  int end = pos(rng_);
  while (n > 1 && end == start) end = pos(rng_);
  std::vector<char> taken(inst_.n(), 0);
  std::vector<int> tour(n);
  for (int k = start;; k = (k + 1) % n) {
    tour[k] = ta[k];
    taken[ta[k]] = 1;
    if (k == end) break;
  }
  int w = (end + 1) % n;
  for (int k = 0; k < n; ++k) {
    const int c = tb[(end + 1 + k) % n];
    if (taken[c]) continue;
    tour[w] = c;
    w = (w + 1) % n;
  }
  SplitTour(tour, child);
  return child;
}

// Optimal split of a giant tour into routes of the (single) vehicle type, Bellman on the
// auxiliary DAG with the penalised route cost; a fleet-limited version if too many routes.
void Genetic::SplitTour(const std::vector<int>& tour, Individual& out) {
  const int n = static_cast<int>(tour.size());
  const VehicleData& v = inst_.vehicles()[0];
  std::vector<double> pot(n + 1, kInf);
  std::vector<int> pred(n + 1, 0);
  pot[0] = 0;
  for (int i = 0; i < n; ++i) {
    Seg s = v.start_seg;
    for (int j = i; j < n; ++j) {
      s = inst_.Join(s, inst_.NodeSeg(tour[j]));
      const double c = pot[i] + inst_.RouteCost(inst_.Join(s, v.end_seg), v, pen_);
      if (c < pot[j + 1]) {
        pot[j + 1] = c;
        pred[j + 1] = i;
      }
      if (inst_.LoadExcess(s, v) > 0.5 * static_cast<double>(std::max<int64_t>(v.capacity[0], 1)))
        break;
    }
  }
  std::vector<std::pair<int, int>> ranges;
  for (int j = n; j > 0; j = pred[j]) ranges.emplace_back(pred[j], j);
  const int fleet = static_cast<int>(out.routes.size());
  if (static_cast<int>(ranges.size()) > fleet && SplitLimited(tour, fleet, out)) return;
  std::reverse(ranges.begin(), ranges.end());
  for (size_t r = 0; r < ranges.size(); ++r) {
    auto& route = out.routes[std::min<size_t>(r, fleet - 1)];
    route.insert(route.end(), tour.begin() + ranges[r].first, tour.begin() + ranges[r].second);
  }
}

bool Genetic::SplitLimited(const std::vector<int>& tour, int max_routes, Individual& out) {
  const int n = static_cast<int>(tour.size());
  const VehicleData& v = inst_.vehicles()[0];
  std::vector<std::vector<double>> pot(max_routes + 1, std::vector<double>(n + 1, kInf));
  std::vector<std::vector<int>> pred(max_routes + 1, std::vector<int>(n + 1, 0));
  pot[0][0] = 0;
  for (int k = 0; k < max_routes; ++k) {
    for (int i = k; i < n; ++i) {
      if (pot[k][i] == kInf) continue;
      Seg s = v.start_seg;
      for (int j = i; j < n; ++j) {
        s = inst_.Join(s, inst_.NodeSeg(tour[j]));
        const double c = pot[k][i] + inst_.RouteCost(inst_.Join(s, v.end_seg), v, pen_);
        if (c < pot[k + 1][j + 1]) {
          pot[k + 1][j + 1] = c;
          pred[k + 1][j + 1] = i;
        }
        if (inst_.LoadExcess(s, v) > 1.5 * static_cast<double>(std::max<int64_t>(v.capacity[0], 1)))
          break;
      }
    }
  }
  int best_k = -1;
  for (int k = 1; k <= max_routes; ++k) {
    if (pot[k][n] < kInf && (best_k < 0 || pot[k][n] < pot[best_k][n])) best_k = k;
  }
  if (best_k < 0) return false;
  for (int k = best_k, j = n; k > 0; --k) {
    const int i = pred[k][j];
    out.routes[k - 1].assign(tour.begin() + i, tour.begin() + j);
    j = i;
  }
  return true;
}

// Route-based crossover: keep a random half of parent a's routes on their vehicles, give the
// other vehicles parent b's routes minus clients already placed, reinsert the rest cheaply.
Individual Genetic::RouteCrossover(const Individual& a, const Individual& b) {
  Individual child;
  const size_t k = inst_.vehicles().size();
  child.routes.assign(k, {});
  std::vector<char> placed(inst_.n(), 0);
  std::vector<char> from_a(k, 0);
  for (size_t r = 0; r < k; ++r) {
    if (a.routes[r].empty() || rng_() % 2) continue;
    from_a[r] = 1;
    child.routes[r] = a.routes[r];
    for (int c : a.routes[r]) placed[c] = 1;
  }
  for (size_t r = 0; r < k; ++r) {
    if (from_a[r]) continue;
    for (int c : b.routes[r]) {
      if (!placed[c]) {
        child.routes[r].push_back(c);
        placed[c] = 1;
      }
    }
  }
  std::vector<int> missing;
  for (int c = inst_.num_depots(); c < inst_.n(); ++c) {
    if (!placed[c]) missing.push_back(c);
  }
  std::shuffle(missing.begin(), missing.end(), rng_);
  InsertMissing(std::move(missing), child);
  return child;
}

// Cheapest insertion by the exact penalised route cost (time warp, duration, pickups), from
// prefix and suffix segments of each route, rebuilt for the route that received the client.
// With time windows a distance-only insertion puts most clients where they cannot be served
// in time, and the local search then spends its effort repairing instead of improving.
void Genetic::InsertMissingTimed(const std::vector<int>& missing, Individual& out) {
  const auto& vehicles = inst_.vehicles();
  const size_t k = vehicles.size();
  std::vector<std::vector<Seg>> fwd(k), bwd(k);
  std::vector<double> cost(k, 0);
  auto rebuild = [&](size_t r) {
    const auto& route = out.routes[r];
    const VehicleData& v = vehicles[r];
    const size_t m = route.size();
    fwd[r].resize(m + 1);
    bwd[r].resize(m + 1);
    fwd[r][0] = v.start_seg;
    for (size_t i = 0; i < m; ++i) fwd[r][i + 1] = inst_.Join(fwd[r][i], inst_.NodeSeg(route[i]));
    bwd[r][m] = v.end_seg;
    for (size_t i = m; i-- > 0;) bwd[r][i] = inst_.Join(inst_.NodeSeg(route[i]), bwd[r][i + 1]);
    cost[r] = inst_.RouteCost(inst_.Join(fwd[r][m], v.end_seg), v, pen_);
  };
  for (size_t r = 0; r < k; ++r) rebuild(r);
  std::vector<char> empty_type_seen(k, 0);
  for (int c : missing) {
    double best = kInf;
    size_t best_r = 0, best_pos = 0;
    std::fill(empty_type_seen.begin(), empty_type_seen.end(), 0);
    const Seg& node = inst_.NodeSeg(c);
    for (size_t r = 0; r < k; ++r) {
      const VehicleData& v = vehicles[r];
      if (out.routes[r].empty()) {
        if (empty_type_seen[v.type]) continue;
        empty_type_seen[v.type] = 1;
      }
      for (size_t p = 0; p <= out.routes[r].size(); ++p) {
        const double delta =
            inst_.RouteCost(inst_.Join(inst_.Join(fwd[r][p], node), bwd[r][p]), v, pen_) - cost[r];
        if (delta < best) {
          best = delta;
          best_r = r;
          best_pos = p;
        }
      }
    }
    out.routes[best_r].insert(out.routes[best_r].begin() + static_cast<long>(best_pos), c);
    rebuild(best_r);
  }
}

// Cheapest insertion by distance cost plus an estimate of the load penalty; local search
// refines the result.
void Genetic::InsertMissing(std::vector<int> missing, Individual& out) {
  if (inst_.has_tw() && options_.timed_insertion) {
    InsertMissingTimed(missing, out);
    return;
  }
  const auto& vehicles = inst_.vehicles();
  std::vector<Load> totals(vehicles.size(), Load{});
  for (size_t r = 0; r < vehicles.size(); ++r) {
    for (int c : out.routes[r]) {
      for (int d = 0; d < kMaxDims; ++d)
        totals[r][d] += std::max(inst_.NodeSeg(c).del[d], inst_.NodeSeg(c).pick[d]);
    }
  }
  auto load_pen = [&](size_t r, const Load& add) {
    double e = 0;
    for (int d = 0; d < kMaxDims; ++d) {
      const int64_t before = std::max<int64_t>(0, totals[r][d] - vehicles[r].capacity[d]);
      const int64_t after = std::max<int64_t>(0, totals[r][d] + add[d] - vehicles[r].capacity[d]);
      e += static_cast<double>(after - before) * inst_.load_weight(d);
    }
    return pen_.load * e;
  };
  for (int c : missing) {
    Load add{};
    for (int d = 0; d < kMaxDims; ++d)
      add[d] = std::max(inst_.NodeSeg(c).del[d], inst_.NodeSeg(c).pick[d]);
    double best = kInf;
    size_t best_r = 0, best_pos = 0;
    std::vector<char> empty_type_seen(vehicles.size(), 0);
    for (size_t r = 0; r < vehicles.size(); ++r) {
      const auto& route = out.routes[r];
      const VehicleData& v = vehicles[r];
      if (route.empty()) {
        if (empty_type_seen[v.type]) continue;
        empty_type_seen[v.type] = 1;
      }
      const double base = load_pen(r, add) + (route.empty() ? v.fixed : 0);
      for (size_t p = 0; p <= route.size(); ++p) {
        const int prev = p == 0 ? v.start : route[p - 1];
        const int next = p == route.size() ? v.end : route[p];
        const double delta =
            base + v.per_dist * static_cast<double>(inst_.Dist(prev, c) + inst_.Dist(c, next) -
                                                    inst_.Dist(prev, next));
        if (delta < best) {
          best = delta;
          best_r = r;
          best_pos = p;
        }
      }
    }
    out.routes[best_r].insert(out.routes[best_r].begin() + static_cast<long>(best_pos), c);
    for (int d = 0; d < kMaxDims; ++d) totals[best_r][d] += add[d];
  }
}

}  // namespace ruralec::routing::internal
