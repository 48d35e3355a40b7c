// Granular local search of the hybrid genetic search ("education"): relocate of one or two
// clients (also reversed), swaps 1-1 / 2-1 / 2-2, intra-route 2-opt, inter-route 2-opt* and
// SWAP* (Vidal 2022), all evaluated in O(1) (inter-route) or O(window) (intra-route) with
// prefix/suffix segment data. First-improvement, until no move improves the penalised cost.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "routing/internal/individual.h"
#include "routing/internal/instance.h"

namespace ruralec::routing::internal {

class LocalSearch {
 public:
  LocalSearch(const Instance& inst, std::mt19937_64& rng);

  // Improves ind in place under the given penalties and re-evaluates it.
  // With `focus` (per vehicle), the search starts from the moves touching those routes only
  // (the other routes are known to be locally optimal, e.g. after ruin and recreate).
  void Run(Individual& ind, const Penalties& pen, const std::vector<char>* focus = nullptr);

 private:
  // Polar sector covered by a route's clients: [start, start + width] (mod a full turn).
  struct Sector {
    int start = 0, width = -1;  // width < 0: empty
    bool Contains(int a) const;
    void Extend(int a);
    bool Overlaps(const Sector& o) const {
      return width >= 0 && o.width >= 0 && (Contains(o.start) || o.Contains(start));
    }
  };
  struct RouteState {
    int vehicle = 0;
    std::vector<int> nodes;      // start depot, clients..., end depot
    std::vector<Seg> fwd;        // fwd[i]: start seg joined with nodes[1..i]
    std::vector<Seg> bwd;        // bwd[i]: nodes[i..last client] joined with the end seg
    std::vector<Seg> tail;       // tail[i]: nodes[i..last client] only (for 2-opt*)
    std::vector<int64_t> rdist;  // rdist[i]: distance of nodes[i] -> nodes[i-1] -> ... -> nodes[0]
    std::vector<int64_t> fdist, bdist;  // fwd[i].dist and bwd[i].dist, compact for bounds
    double cost = 0;
    int64_t modified = 0;
    Sector sector;
    int size() const { return static_cast<int>(nodes.size()) - 2; }  // clients
  };
  // Three cheapest insertion gaps (after position pos) of a client in another route, valid
  // while that route (`route`) has not been modified after `stamp`.
  struct TopInsertions {
    double cost[3] = {1e300, 1e300, 1e300};
    int pos[3] = {-1, -1, -1};
    int route = -1;
    int64_t stamp = -1;
    void Add(double c, int p) {
      if (c >= cost[2]) return;
      int k = 2;
      while (k > 0 && c < cost[k - 1]) {
        cost[k] = cost[k - 1];
        pos[k] = pos[k - 1];
        --k;
      }
      cost[k] = c;
      pos[k] = p;
    }
  };
  // A replacement of the window [lo, hi] of a route by mid (hi = lo - 1: pure insertion).
  struct Edit {
    int route = 0, lo = 0, hi = 0;
    const int* mid = nullptr;
    int len = 0;
    int64_t dist = -1;  // new route distance if the caller computed it in O(1)
  };

  void Load(const Individual& ind);
  void Export(Individual& ind) const;
  void Rebuild(int r);
  bool ImproveClient(int u, int loop);
  bool TryPair(int u, int v);
  bool TryEmptyRoutes(int u);
  bool TryTwoOptStar(int u, int v);
  bool TrySwapStar(int r1, int r2);
  bool TwoOptStarAt(int r1, int i, int r2, int j);
  bool RoutesCorrelated(int r1, int r2) const;
  bool SwapStarCandidates(int r1, int r2) const;
  const TopInsertions& Top(int c, int into);
  void RemovalGains(const RouteState& r, std::vector<double>& out) const;
  double BestInsertion(int c, int into, int removed_pos);
  int BestInsertionPos(int c, int into, int removed_pos);
  double ApproxLoadPenalty(const RouteState& r, int out, int in) const;
  bool ApplySwapStar(int r1, int i, int r2, int j);

  // Evaluation helpers.
  Seg MidSeg(const Seg& prefix, const Edit& e) const;
  double EditCost(const Edit& e) const;
  double SimpleEditCost(const Edit& e, double bound) const;
  double EditLowerBound(const Edit& e) const;
  bool TryEdits(Edit* edits, int count);
  void Apply(const Edit& e);
  void SetWindow(Edit& e, int route, int lo, int hi) const;
  bool TryRelocate(int u, int len, bool reverse, int r2, int j);
  bool TrySwap(int u, int la, int v, int lb);
  // Distance along nodes[a..b] of route r, forwards or (reversed) from b down to a.
  int64_t RunDist(const RouteState& r, int a, int b, bool reversed) const {
    if (a > b) return 0;
    return reversed ? r.rdist[b] - r.rdist[a] : r.fdist[b] - r.fdist[a];
  }
  int64_t swap_star_round_ = -1;

  const Instance& inst_;
  std::mt19937_64& rng_;
  Penalties pen_;
  std::vector<RouteState> routes_;
  std::vector<int> route_of_, pos_of_;
  std::vector<int64_t> last_tested_;
  std::vector<int> order_;
  int64_t clock_ = 0;
  std::vector<int> buf_a_, buf_b_, apply_buf_;
  std::vector<int64_t> type_stamp_;
  std::vector<TopInsertions> top_;  // per (route, client) when it fits, else per client
  bool cache_top_ = false;
  std::vector<double> gain_a_, gain_b_;
};

}  // namespace ruralec::routing::internal
