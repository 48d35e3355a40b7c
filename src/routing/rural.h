// Deterministic synthetic "rural county" instance: village stations scattered around a county
// centre and a town hub, deliveries of several carriers and uplink pickups in three dimensions
// (parcels, kg, litres), station opening hours, a mixed fleet with shift limits.
#pragma once

#include <cstdint>

#include "routing/model.h"

namespace ruralec::routing {

struct RuralOptions {
  int villages = 380;
  int vehicles = 12;
  uint64_t seed = 1;
  double radius_km = 35;  // county radius around the centre
};

// Same options -> identical problem on every platform (own PRNG, no std distributions).
Problem MakeRuralProblem(const RuralOptions& options);

}  // namespace ruralec::routing
