// Purchases from the poor (households module) made under an agreement or a listing of this
// module: the check households::SetPurchaseLinkCheck runs in the purchase's transaction
// (registered by module.cc; the households module cannot include this one).
//
// Contract (docs/HOUSEHOLDS.md "Purchases", "The link to an agreement or a listing"):
//  - Agreement, by id or by number (agreement_no: the buying entity's number; resolved into
//    agreement_id): it belongs to the buying entity, the purchase date lies in its period
//    (valid_from … valid_to), and when the agreement names households as parties a household
//    seller is one of them (an agreement with co-ops, bases or villages covers their members,
//    whom the register does not know).
//  - Listing: it exists and the buying entity took it up (an accepted proposal or a direct
//    take-up: a match of that entity); the seller is the listing's household (household
//    seller) or lies in the listing's village (village seller).
//  - Refusals are kInvalidArgument naming agreement_id or listing_id, in Chinese.
#pragma once

#include "households/purchases.h"
#include "storage/db.h"

namespace ruralec::matching {

Status CheckPurchaseLink(storage::Connection& conn, households::PurchaseInput& in);

}  // namespace ruralec::matching
