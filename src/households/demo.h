// Generated demonstration data of the households module for `ruralec demo` (issue 19 item 8):
// households in every fourth administrative village of the county (six each, about two in three
// willing and able), named 演示户 N (so no real person's name) with generated, check-digit-valid
// ID numbers born 1960–1989 in the county, products, a paired helper unit labelled 演示数据; a
// year of purchases by the demo entity from half of them (evidence numbers start DEMO-), a few
// employments and shops; the others are what the coverage page lists as still to help.
// Deterministic for a county and a date. Registered through the same rules as the console
// (Register, RecordPurchase, AddShop …).
#pragma once

#include "households/households.h"

namespace ruralec::households {

struct DemoSummary {
  int64_t households = 0, willing_and_able = 0, purchases = 0, employments = 0, shops = 0;
};

// `who` holds household:edit and purchase:edit over `county` (the demo's county user);
// `buyer` is the demo entity.
Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county, int64_t buyer);

}  // namespace ruralec::households
