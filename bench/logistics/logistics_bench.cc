// Daily co-delivery plan benchmark (issue 22 Measures: "the daily plan for a 380-village county
// with pickups, time windows and two vehicle types in under 10 s"; docs/PERFORMANCE.md
// "Logistics"). A deterministic county: a centre and 25 town hubs, VILLAGES village points
// clustered around the hubs within ~35 km, 1–10 parcels waiting for each point (at the centre
// for the towns within 12 km of it, else at the town's hub: the trunk lines brought them there),
// uplink pickups at 40% of the points (a quarter of them cold), opening hours 08:00–18:00 (10%
// 09:00–12:00, 10% 14:00–17:30), vans (150 parcels, 1,500 kg) — six at the centre, one at every
// hub — and cold trucks (80 parcels, 2,000 kg, cold) — two at the centre, one at every fifth
// hub —, shifts 07:00–19:00. What is timed is logistics::SolvePlan — the
// stops, one problem per depot, the solver, the plan read back — which is what
// POST /logistics/daily-plans runs between its read and its write.
//   logistics_bench [IGNORED_DB] [VILLAGES=380] [TIME_LIMIT_SECONDS=8]
#include <cmath>
#include <cstdio>
#include <string>

#include "common.h"
#include "logistics/daily_plan.h"

using namespace ruralec;
using namespace ruralec::logistics;

namespace {

class Rng {  // splitmix64
 public:
  explicit Rng(uint64_t s) : s_(s) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  int64_t Int(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(Next() % (hi - lo + 1)); }

 private:
  uint64_t s_;
};

constexpr double kLat = 33.6, kLng = 117.0;

Point At(double east_km, double north_km) {
  const double lat = kLat + north_km / 111.2;
  const double lng = kLng + east_km / (111.2 * std::cos(kLat * M_PI / 180));
  return {std::llround(lat * 1e6), std::llround(lng * 1e6)};
}

Node MakeNode(int64_t id, NodeLevel level, const std::string& region, Point p) {
  Node n;
  n.id = id;
  n.level = level;
  n.region = *RegionCode::Parse(region);
  n.code = "N" + std::to_string(id);
  n.name = n.code;
  n.point = p;
  return n;
}

Vehicle MakeVehicle(int64_t id, int64_t home, bool cold) {
  Vehicle v;
  v.id = id;
  v.plate = "V" + std::to_string(id);
  v.home_node_id = home;
  v.cold = cold;
  v.capacity_parcels = cold ? 80 : 150;
  v.capacity_kg = cold ? 2000 : 1500;
  v.shift = Hours{7 * 60, 19 * 60};
  return v;
}

PlanInputs County(int villages) {
  Rng rng(20261207);
  PlanInputs in;
  in.settings = {1400, 40, 1};
  in.nodes.push_back(MakeNode(1, NodeLevel::kCountyCentre, "341302", At(0, 0)));
  constexpr int kTowns = 25;
  std::vector<std::pair<double, double>> towns;
  for (int t = 0; t < kTowns; ++t) {
    const double r = 35 * std::sqrt(rng.Uniform()), a = 2 * M_PI * rng.Uniform();
    towns.emplace_back(r * std::cos(a), r * std::sin(a));
    in.nodes.push_back(MakeNode(2 + t, NodeLevel::kTownHub, "341302" + std::to_string(100 + t),
                                At(towns.back().first, towns.back().second)));
  }
  int64_t vid = 1000, wid = 1, pid = 1;
  for (int d = 0; d < 8; ++d) in.vehicles.push_back(MakeVehicle(vid++, 1, d >= 6));
  for (int t = 0; t < kTowns; ++t) {
    in.vehicles.push_back(MakeVehicle(vid++, 2 + t, false));
    if (t % 5 == 0) in.vehicles.push_back(MakeVehicle(vid++, 2 + t, true));
  }
  for (int i = 0; i < villages; ++i) {
    const int t = static_cast<int>(rng.Int(0, kTowns - 1));
    const double dx = (rng.Uniform() + rng.Uniform() + rng.Uniform() - 1.5) * 8;
    const double dy = (rng.Uniform() + rng.Uniform() + rng.Uniform() - 1.5) * 8;
    const int64_t id = 100 + i;
    char code[13];
    std::snprintf(code, sizeof code, "341302%03d%03d", 100 + t, 200 + i % 800);
    Node p =
        MakeNode(id, NodeLevel::kVillagePoint, code, At(towns[t].first + dx, towns[t].second + dy));
    const double h = rng.Uniform();
    p.hours = h < 0.8   ? Hours{8 * 60, 18 * 60}
              : h < 0.9 ? Hours{9 * 60, 12 * 60}
                        : Hours{14 * 60, 17 * 60 + 30};
    in.nodes.push_back(p);
    const int64_t parcels = rng.Int(1, 10);
    const bool near = std::hypot(towns[t].first, towns[t].second) < 12;
    for (int64_t k = 0; k < parcels; ++k) in.parcels.push_back({wid++, near ? 1 : 2 + t, id});
    if (rng.Uniform() < 0.4) {
      Pickup pk;
      pk.id = pid++;
      pk.node_id = id;
      pk.pieces = rng.Int(1, 8);
      pk.kg = pk.pieces * rng.Int(3, 8);
      pk.cold = rng.Uniform() < 0.25;
      in.pickups.push_back(pk);
    }
  }
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  const int villages = argc > 2 ? std::atoi(argv[2]) : 380;
  const double limit = argc > 3 ? std::atof(argv[3]) : 8;
  PlanInputs in = County(villages);
  PlanOptions o;
  o.time_limit_seconds = limit;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = bench::Cpu();
  auto [built, plan] = bench::Must(SolvePlan(in, o));
  const double wall = bench::Since(t0), cpu = bench::Cpu() - c0;
  int64_t routed = 0, unassigned = 0, distance = 0;
  if (std::getenv("DEBUG_STOPS")) {
    for (const auto& s : built.stops)
      std::printf("stop depot=%lld node=%lld parcels=%lld pieces=%lld cold=%d reason=%s\n",
                  (long long)s.depot_node_id, (long long)s.node_id, (long long)s.parcels,
                  (long long)s.pickup_pieces, s.cold ? 1 : 0, s.reason.c_str());
  }
  for (const auto& s : built.stops) (s.route ? routed : unassigned) += 1;
  for (const auto& r : plan.routes) distance += r.distance_m;
  std::printf(
      "daily plan: %d villages, %zu parcels, %zu pickups, %zu vehicles → %zu stops in %zu depot "
      "problems; %lld routed, %lld unassigned, %zu routes, %.1f km\n",
      villages, in.parcels.size(), in.pickups.size(), in.vehicles.size(), built.stops.size(),
      built.problems.size(), static_cast<long long>(routed), static_cast<long long>(unassigned),
      plan.routes.size(), static_cast<double>(distance) / 1000.0);
  std::printf("time limit %.1f s: wall %.2f s, cpu %.2f s\n", limit, wall, cpu);
  return unassigned == 0 ? 0 : 2;
}
