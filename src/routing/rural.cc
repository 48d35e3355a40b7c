#include "routing/rural.h"

#include <cmath>
#include <string>

namespace ruralec::routing {
namespace {

// splitmix64: tiny, portable, fully specified.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  int64_t Int(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t s_;
};

constexpr double kCentreLat = 34.0, kCentreLon = 113.0;
constexpr double kKmPerDegLat = 111.2;

GeoPoint Offset(double east_km, double north_km) {
  return GeoPoint{kCentreLat + north_km / kKmPerDegLat,
                  kCentreLon + east_km / (kKmPerDegLat * std::cos(kCentreLat * M_PI / 180.0))};
}

Stop MakeVillage(Rng& rng, int index) {
  Stop s;
  s.id = "village-" + std::to_string(index + 1);
  const int64_t parcels = rng.Int(1, 10);
  s.delivery = {parcels, parcels * rng.Int(1, 3), parcels * rng.Int(5, 15)};
  if (rng.Uniform() < 0.4) {  // uplink goods: farm produce collected on the same trip
    const int64_t up = rng.Int(1, 8);
    s.pickup = {up, up * rng.Int(3, 8), up * rng.Int(10, 30)};
  }
  s.service_time = 180 + 30 * (parcels + s.pickup[0]);
  const double h = rng.Uniform();
  if (h < 0.8) {
    s.window = {8 * 3600, 18 * 3600};
  } else if (h < 0.9) {
    s.window = {9 * 3600, 12 * 3600};
  } else {
    s.window = {14 * 3600, 17 * 3600 + 1800};
  }
  s.unserved_penalty = 500;
  return s;
}

}  // namespace

Problem MakeRuralProblem(const RuralOptions& o) {
  Rng rng(o.seed * 0x2545F4914F6CDD1Dull + 7);
  Problem p;
  p.num_dims = 3;
  p.depots = {Depot{"county-centre", {6 * 3600, 20 * 3600}},
              Depot{"town-hub", {6 * 3600, 20 * 3600}}};
  std::vector<GeoPoint> points = {Offset(0, 0), Offset(o.radius_km * 0.45, o.radius_km * 0.1)};
  // Villages cluster around townships spread over the county.
  const int townships = std::max(1, o.villages / 15);
  std::vector<std::pair<double, double>> towns;
  for (int t = 0; t < townships; ++t) {
    const double r = o.radius_km * std::sqrt(rng.Uniform()), a = 2 * M_PI * rng.Uniform();
    towns.emplace_back(r * std::cos(a), r * std::sin(a));
  }
  for (int i = 0; i < o.villages; ++i) {
    const auto& [tx, ty] = towns[rng.Int(0, townships - 1)];
    const double dx = (rng.Uniform() + rng.Uniform() + rng.Uniform() - 1.5) * 8;
    const double dy = (rng.Uniform() + rng.Uniform() + rng.Uniform() - 1.5) * 8;
    points.push_back(Offset(tx + dx, ty + dy));
    p.stops.push_back(MakeVillage(rng, i));
  }
  for (int k = 0; k < o.vehicles; ++k) {
    Vehicle v;
    const bool hub = k % 3 == 2;  // a third of the fleet is based at the town hub
    v.id = (hub ? "hub-truck-" : "van-") + std::to_string(k + 1);
    v.start_depot = v.end_depot = hub ? 1 : 0;
    v.capacity = hub ? Load{200, 1200, 8000} : Load{250, 1500, 10000};
    v.shift = {7 * 3600, 19 * 3600};
    v.max_duration = 10 * 3600;
    v.fixed_cost = hub ? 60 : 80;
    v.cost_per_distance = (hub ? 1.0 : 1.2) / 1000.0;
    v.cost_per_duration = 30.0 / 3600.0;
    p.vehicles.push_back(v);
  }
  SetMatrixFromCoordinates(p, points, 1.4, 45);
  return p;
}

}  // namespace ruralec::routing
