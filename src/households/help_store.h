// SQL of employment, shops and the coverage reads (help.h). No rules: help.cc validated input,
// encrypted names and checked scope. Every function runs in the caller's connection.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "households/help.h"
#include "households/household_store.h"
#include "storage/db.h"
#include "storage/figure_changes.h"

namespace ruralec::households::store {

struct NewEmployment {
  int64_t household_id = 0;
  RegionCode region;  // the household's village
  EmploymentInput in;
  std::string name_enc, name_masked;
  std::optional<int64_t> created_by;
  int64_t now = 0;
};
Result<int64_t> InsertEmployment(storage::Connection& conn, const NewEmployment& e);
// The employments of a household, oldest first, with the encrypted member name.
Result<std::vector<std::pair<Employment, std::string>>> EmploymentsOf(storage::Connection& conn,
                                                                      int64_t household_id);

struct NewShop {
  int64_t household_id = 0;
  RegionCode region;
  ShopInput in;
  std::optional<int64_t> created_by;
  int64_t now = 0;
};
Result<int64_t> InsertShop(storage::Connection& conn, const NewShop& s);
Result<std::vector<HouseholdShop>> ShopsOf(storage::Connection& conn, int64_t household_id);
// Sets the end of an open employment / shop; false when it had one already (or is not there).
// Both mark the row's county changed from the end's month (storage/figure_changes.h).
Result<bool> EndEmployment(storage::Connection& conn, int64_t id, CivilDate until, int64_t now_ms);
Result<bool> CloseShop(storage::Connection& conn, int64_t id, CivilDate closed_on, int64_t now_ms);

// Count and sum of the current purchases from a household.
Result<std::pair<int64_t, int64_t>> PurchaseTotalsOf(storage::Connection& conn,
                                                     int64_t household_id);

// The households of the subtree willing and able as of `to` (both flags, both dates ≤ to):
// {id, village}, by village then id.
Result<std::vector<std::pair<int64_t, RegionCode>>> WillingAndAble(storage::Connection& conn,
                                                                   const RegionCode& region,
                                                                   CivilDate to);
// Households of the subtree with a help record in [from, to]: a current purchase dated in it,
// an employment overlapping it, a shop open during it.
Result<std::set<int64_t>> Helped(storage::Connection& conn, const RegionCode& region,
                                 CivilDate from, CivilDate to);

}  // namespace ruralec::households::store
