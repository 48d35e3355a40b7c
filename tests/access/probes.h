// Test support for tests/access: the requests to try on each route of the route table — the
// fixture's own requests to it, else one synthesized from its pattern with ids the fixture's
// requests and creations revealed (docs/TESTING.md "Access sweep").
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "access/sweep_support.h"
#include "http/server.h"

namespace ruralec::accesstest {

// The village of town A (符离镇) the sweep's fixture uses for region captures.
inline constexpr char kVillageA[] = "341302100205";

struct Probe {
  std::string method, path, body;
  bool recorded = false;      // replayed from the fixture (else synthesized from the pattern)
  bool read_like = false;     // a GET, or a request that changed nothing when its owner made it
  bool names_object = false;  // its path names an object (an id) or a region of town A
};

class ProbeBuilder {
 public:
  explicit ProbeBuilder(Server& s) : s_(s) {}

  // Ids by the path text before them ("/api/v1/entities/" → 1): from every recorded path and
  // from the `id` of every created object's answer (POST /api/v1/entities → "/api/v1/entities/");
  // and which created objects are the county's (their region is not town A's).
  void LearnIds(const std::vector<Recorded>& rec);
  // The requests to try on a route: the fixture's own ones (two at most), else Synthesized.
  std::vector<Probe> ProbesFor(const http::RouteEntry& e, const std::vector<Recorded>& rec);
  // A request built from the pattern: learnt ids (else 1, and the route is "unbacked"), sample
  // values (a village of town A, 2023-10, 2023, the first alternative, "x"), for a GET town A as
  // `region`/`region_code`, for a PUT the body of the fixture's POST to the collection. Empty
  // for a write without id or region (nothing of town A to aim at), unless `always`.
  std::vector<Probe> Synthesized(const http::RouteEntry& e, const std::vector<Recorded>& rec,
                                 bool always);
  const std::set<std::string>& unbacked() const { return unbacked_; }
  // An object of the county (or its creation): a sibling town may read it, and whether it may
  // write it is the module's rule.
  bool AreaWide(const Probe& p) const;

 private:
  Server& s_;
  std::multimap<std::string, std::string> ids_;
  std::set<std::string> unbacked_;
  std::set<std::string> area_wide_;  // path prefixes of county objects; county-object creations
};

std::string PathOnly(const std::string& path);
// The region an object's answer names: region_code, county_code, scope_code or code, at the top
// or inside "region" ({"region": {"region_code": …}}); "" when none.
std::string RegionOf(const http::Json& j);

}  // namespace ruralec::accesstest
