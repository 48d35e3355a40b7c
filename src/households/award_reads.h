// Read side of the households module for the award engine (docs/AWARDS.md, docs/HOUSEHOLDS.md
// "Award"): the figures behind 001 R03 (entities employing poor-household members) and 001 R05
// (poor households that opened an online shop). No permission check: the caller (award's data
// edge) scoped `scope` and keeps what its own subjects need. Each figure carries the ids of the
// records behind it, so an award line names them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::households {

// 001 R03: per employing entity, its employments of household members overlapping `year`
// (since ≤ 31 December, until absent or ≥ 1 January), by entity then employment id. Every
// household counts wherever it lives: the employing entity decides (as the buyer does for
// purchases), so the award keeps the entities of its scope.
struct EntityEmployments {
  int64_t entity_id = 0;
  std::vector<int64_t> employment_ids;
};
Result<std::vector<EntityEmployments>> EmploymentsOfYear(storage::Connection& conn, int year);

// 001 R05 ("自主创业开设网店、微店的贫困户"): the households of `scope` whose first online shop
// (earliest opened_on, then the lowest id) opened in `year` — the fact arises once per household,
// in that year; a second shop later is no new fact. By household id.
struct FirstShop {
  int64_t household_id = 0, shop_id = 0;
  RegionCode region;             // the household's village
  std::string head_name_masked;  // never the clear name: award lines are published
  std::string platform, shop_name;
  CivilDate opened_on;
};
Result<std::vector<FirstShop>> FirstShopsIn(storage::Connection& conn, const RegionCode& scope,
                                            int year);

}  // namespace ruralec::households
