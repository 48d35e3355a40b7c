// The register's row rules, shared by the service (register.cc) and the import (import.cc).
#pragma once

#include "households/household_store.h"
#include "households/households.h"

namespace ruralec::households::internal {

// Field checks; trims and normalises `in` (the ID number's x to X, lifted_year only when
// lifted, entity ids only on entity helpers).
Status CheckFields(HouseholdInput& in, CivilDate today);
// The village exists, is in `who`'s scope (kForbidden) and entity helpers exist.
Status CheckPlace(storage::Connection& conn, const account::Principal& who,
                  const HouseholdInput& in);
// The row to write: personal data encrypted, masked, blind-indexed.
store::Row RowOf(const crypto::FieldCipher& cipher, const account::Principal& who,
                 const HouseholdInput& in, int64_t now);

// The household as `who` sees it: the head's name decrypted only for the village's town and
// below (SeesNames), masked otherwise.
Household Shown(const Deps& d, const account::Principal& who, store::Stored s);
// Fills region_name (one batch read of the region module).
Status FillRegionNames(storage::Connection& conn, std::vector<Household>& hs);
// The stored household if `who` may read it (household:read, the village in scope), else
// kNotFound (kForbidden without household:read).
Result<store::Stored> Visible(storage::Connection& conn, const account::Principal& who, int64_t id);

}  // namespace ruralec::households::internal
