// Generated demonstration data of the matching module for `ruralec demo` (issue 19 item 8): a
// dozen produce listings through the county's stations (sellers 演示卖方 N with 138 0000 xxxx
// numbers, some naming a registered demo household), a buying demand of the demo entity with its
// best proposal accepted (a 产销对接 event), and an 订单农业 agreement with the demo co-op and a
// household and three months of attributed online sales. Entered through the same rules as the
// console (CreateListing, CreateDemand, AcceptProposal, CreateAgreement, RecordSales).
#pragma once

#include "matching/agreements.h"
#include "matching/matching.h"

namespace ruralec::matching {

struct DemoSummary {
  int64_t listings = 0, demands = 0, matches = 0, agreements = 0;
};

// `who` holds listing:edit, demand:edit, match:accept, agreement:edit, station:read and
// household:read over `county` (the demo's county user); `entity` is the demo entity.
Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county, int64_t entity);

}  // namespace ruralec::matching
