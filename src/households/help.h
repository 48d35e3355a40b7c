// The other help a household receives (issue 19 items 6, 7; docs/HOUSEHOLDS.md "Employment,
// shops and coverage"): employment of its members by entities, online shops it opened, and
// the coverage of willing-and-able households by any help.
//
// Contract:
//  - Employment: a member of a registered household (name, stored encrypted with a masked copy
//    like the head's) employed by a registered entity, with a position and the dates since /
//    until (until absent: still employed; never before since; since not in the future).
//  - Shop: an online shop (网店、微店) opened by the household: platform, shop name, the
//    platform's shop id or URL, the date opened (not in the future) and closed (optional),
//    optionally the entity it trades as. With an entity and a shop id/URL it is linked to that
//    entity's registered shop with the same id/URL (entity_shop_id); an entity without such a
//    shop is refused (field shop_ref): register the shop on the entity first, or leave the
//    entity out.
//  - Ending (结束就业 / 关店): an open employment gets its until date, an open shop its
//    closed_on (not in the future, not before since / opened_on); one that already ended is
//    kConflict. Audited "household.employment.end" / "household.shop.close".
//  - Writes need household:edit and the household visible and in the caller's scope (else
//    "not found"); audited "household.employment.add" / "household.shop.add". Reads follow the
//    register (households.h): names masked above the town.
//  - Coverage (willing_poor_household_coverage_rate): the denominator is the households of the
//    region subtree that are willing and able as of the end of the period (both flags set, both
//    dates on or before it); the numerator those of them with at least one help record in the
//    period: a current purchase from the household dated in it, an employment overlapping it, or
//    a shop open during it — and any help source registered by a module above this one
//    (AddHelpSource: the matching module counts a household whose listing was taken up in a
//    match dated in the period; the training module a household whose head, linked as a trainee,
//    attended a session day in it). A region without willing-and-able households has no value
//    (no data, with the reason).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "households/households.h"

namespace ruralec::households {

struct EmploymentInput {
  int64_t entity_id = 0;
  std::string member_name, position;
  CivilDate since;
  std::optional<CivilDate> until;
};
struct Employment {
  int64_t id = 0, household_id = 0;
  EmploymentInput in;  // in.member_name masked unless the caller sees names
  std::string entity_name;
  int64_t created_at = 0;
};

struct ShopInput {
  std::string platform, shop_name, shop_ref;
  std::optional<int64_t> entity_id;
  CivilDate opened_on;
  std::optional<CivilDate> closed_on;
  std::optional<int64_t> entity_shop_id;  // set by the link check, never taken from input
};
struct HouseholdShop {
  int64_t id = 0, household_id = 0;
  ShopInput in;
  int64_t created_at = 0;
};

Result<Employment> AddEmployment(const Deps& d, const account::Principal& who, int64_t household_id,
                                 const EmploymentInput& in);
Result<HouseholdShop> AddShop(const Deps& d, const account::Principal& who, int64_t household_id,
                              const ShopInput& in);
Result<Employment> EndEmployment(const Deps& d, const account::Principal& who, int64_t household_id,
                                 int64_t employment_id, CivilDate until);
Result<HouseholdShop> CloseShop(const Deps& d, const account::Principal& who, int64_t household_id,
                                int64_t shop_id, CivilDate closed_on);

// Every help record of one household (the household visible to `who`).
struct HouseholdHelp {
  std::vector<Employment> employments;
  std::vector<HouseholdShop> shops;
  int64_t purchases = 0, purchase_fen = 0;  // current purchases from the household, all dates
};
Result<HouseholdHelp> HelpOf(const Deps& d, const account::Principal& who, int64_t household_id);

// ---- coverage ----

// Help recorded by a module above this one: the households of `region`'s subtree with such help
// in [from, to]. Registered by that module's manifest (no cycle: households never includes it);
// a second registration under the same name replaces the first.
using HelpSource = std::function<Result<std::set<int64_t>>(storage::Connection&, const RegionCode&,
                                                           CivilDate, CivilDate)>;
void AddHelpSource(const std::string& name, HelpSource source);

struct CoverageCount {
  RegionCode region;
  std::string name;
  int64_t covered = 0, eligible = 0;
};
struct Coverage {
  CoverageCount total;
  std::vector<CoverageCount> towns;  // the towns of the region (those with eligible households)
};
// The coverage of `region`'s subtree over [from, to] (no permission check: callers scoped it).
Result<Coverage> CoverageIn(storage::Connection& conn, const RegionCode& region, CivilDate from,
                            CivilDate to);
// For staff: the coverage of a region in the caller's scope (household:read).
Result<Coverage> CoverageFor(const Deps& d, const account::Principal& who, const RegionCode& region,
                             CivilDate from, CivilDate to);
// The willing-and-able households of the region without help in [from, to], as the register
// shows them to `who` (masked above the town), by village then id.
Result<Page<Household>> Uncovered(const Deps& d, const account::Principal& who,
                                  const RegionCode& region, CivilDate from, CivilDate to,
                                  const PageRequest& page);

}  // namespace ruralec::households
