// SQL of edits (edits.h): the history tables, a listing's offer and an agreement's terms written
// in place. No rules: the callers checked permission, scope and what depends on the object.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "matching/agreement_store.h"
#include "matching/edits.h"
#include "storage/db.h"

namespace ruralec::matching::store {

// Inserts the edit and its fields; the edit's id.
Result<int64_t> InsertEdit(storage::Connection& conn, const Edit& e);
// The edits of one object, newest first, with their fields (edited_by_name left empty).
Result<Page<Edit>> EditsOf(storage::Connection& conn, const std::string& kind, int64_t id,
                           const PageRequest& page);

// Writes the offer fields of `l` (product, unit, quantity, price, period, note); the status
// becomes matched when the matched quantity reaches the quantity.
Status UpdateListingOffer(storage::Connection& conn, const Listing& l, int64_t now);
// Writes the agreement's terms and replaces its parties and products.
Status ReplaceAgreement(storage::Connection& conn, int64_t id, const AgreementInput& in,
                        int64_t now);
// The months (YYYY-MM) with attributed sales of an agreement.
Result<std::set<std::string>> SalesMonths(storage::Connection& conn, int64_t agreement_id);

}  // namespace ruralec::matching::store
