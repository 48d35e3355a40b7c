// Demand helpers shared by demands.cc and matches.cc.
#pragma once

#include <vector>

#include "matching/internal.h"

namespace ruralec::matching::internal {

// The demand if `who` may read it (demand:read; an entity its own, staff CanSee its region).
Result<Demand> VisibleDemand(storage::Connection& conn, const account::Principal& who, int64_t id);
DemandTerms TermsOf(const Demand& d);
Offer OfferOf(const Listing& l);
Status FillDemandNames(storage::Connection& conn, std::vector<Demand>& ds);
// The ranked scores of `dm` among the open listings `v` sees; Explain(terms, offers, score)
// gives a proposal with its reasons (built for the page shown only).
struct Ranking {
  DemandTerms terms;
  std::vector<Offer> offers;
  std::vector<Score> scores;  // best first
};
Result<Ranking> RankFor(storage::Connection& conn, const ListingView& v, const Demand& dm);

}  // namespace ruralec::matching::internal
