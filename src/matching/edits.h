// Edits of listings and agreements after creation, with their history (issue 19 leftover;
// docs/MATCHING.md "Edits").
//
// Contract:
//  - A listing's offer changes in place: product, unit, quantity, price, available from/to,
//    note (the station, the village and the seller stay: withdraw and list again). Only an open
//    listing is edited; once something of it was matched its product and unit are fixed (the
//    matches carry them) and its quantity may not fall below what was matched (equal: nothing
//    is left, it becomes matched). listing:edit, scope as the other listing writes (a station
//    operator its station's listings; staff their subtree).
//  - An agreement's terms change in place: number, title, model, dates, parties, products, note
//    (the entity stays). Refused (409) when the change would break what depends on it: a month
//    with attributed online sales left outside the validity (field valid_from / valid_to), or
//    the last co-op or base party removed from an agreement with attributed sales (field
//    parties: 002 R07's base counts agreements with one). agreement:edit, scope as the other
//    agreement writes (an entity account its own).
//  - Every edit that changes something keeps who, when, the reason (optional, ≤ 200
//    characters) and each changed field with its value before and after in words; it is
//    audited ("listing.update" / "agreement.update", the changed field codes) in the same
//    transaction. An edit that changes nothing writes nothing (edit absent in the answer).
//  - History: the object's edits, newest first, for whoever may read the object (listings:
//    staff and the station's operator, listing:read / listing:read:own).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "matching/agreements.h"
#include "matching/matching.h"

namespace ruralec::matching {

struct FieldChange {
  std::string field;  // code: product, quantity, parties, …
  std::string label;  // 产品, 数量, 合作方, …
  std::string before, after;
};

struct Edit {
  int64_t id = 0;
  std::string object_kind;  // listing | agreement
  int64_t object_id = 0;
  std::vector<FieldChange> changes;
  std::string reason;
  std::optional<int64_t> edited_by;
  std::string edited_by_name;
  int64_t edited_at = 0;
};

// The editable offer of a listing; an absent field keeps its value.
struct ListingChanges {
  std::optional<std::string> product, unit, note;
  std::optional<int64_t> quantity;
  std::optional<std::optional<int64_t>> price_fen;  // a present nullopt: 面议 (no price)
  std::optional<CivilDate> available_from, available_to;
  std::string reason;
};

template <class T>
struct Edited {
  T value;
  std::optional<Edit> edit;  // absent when nothing changed
};

Result<Edited<Listing>> UpdateListing(const Deps& d, const account::Principal& who, int64_t id,
                                      ListingChanges c);
// `in` replaces the agreement's terms whole; in.entity_id 0 or the agreement's own.
Result<Edited<Agreement>> UpdateAgreement(const Deps& d, const account::Principal& who, int64_t id,
                                          AgreementInput in, std::string reason);

Result<Page<Edit>> ListingHistory(const Deps& d, const account::Principal& who, int64_t id,
                                  const PageRequest& page);
Result<Page<Edit>> AgreementHistory(const Deps& d, const account::Principal& who, int64_t id,
                                    const PageRequest& page);

// The changed fields between two listings' offers / two agreements' terms, in words (exposed
// for tests).
std::vector<FieldChange> ListingDiff(const Listing& before, const Listing& after);
std::vector<FieldChange> AgreementDiff(const AgreementInput& before, const AgreementInput& after);

}  // namespace ruralec::matching
