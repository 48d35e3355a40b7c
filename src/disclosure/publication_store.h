// The disclosure module's only SQL (table disclosure_publications; migration 0055). Plain reads
// and writes; the rules are in service.cc and public.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "disclosure/disclosure.h"
#include "storage/db.h"

namespace ruralec::disclosure::store {

// Returns the new row's id.
Result<int64_t> Insert(storage::Connection& conn, const Publication& p);
// With content; kNotFound when no such row.
Result<Publication> Get(storage::Connection& conn, int64_t id);
// Without content, newest first.
Result<Page<Publication>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
// Rows of the slot of `p` with a version (published at some time), newest first, no content.
Result<std::vector<Publication>> SlotVersions(storage::Connection& conn, const Publication& p);
// Rows of the county with a version (published at some time), newest first, no content.
Result<std::vector<Publication>> CountyVersions(storage::Connection& conn,
                                                const RegionCode& county);

// The counties with at least one row that has a version (published at some time), by code.
Result<std::vector<RegionCode>> PublishingCounties(storage::Connection& conn);

// Moves; each updates only a row in the expected state (kConflict otherwise). A draft or a
// submitted row withdrawn keeps version 0: it was never public and never will be.
Status MarkSubmitted(storage::Connection& conn, const Publication& p);
Status MarkPublished(storage::Connection& conn, const Publication& p);
Status MarkSuperseded(storage::Connection& conn, int64_t id, int64_t by, int64_t at);
Status MarkWithdrawn(storage::Connection& conn, const Publication& p);

}  // namespace ruralec::disclosure::store
