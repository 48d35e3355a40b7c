// The matching module's SQL on listings, demands and matches (matching.h); files go through the
// attachments module. No rules: callers validated the input and checked permission and scope. Every
// function runs in the caller's connection and transaction.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "matching/matching.h"
#include "storage/db.h"

namespace ruralec::matching::store {

// A listing row: the listing with the masked seller name and contact, and their ciphertexts.
struct ListingRow {
  Listing listing;
  std::string seller_enc, contact_enc;
};
struct NewListing {
  ListingInput in;  // in.village resolved
  std::string station_name;
  std::optional<Point> point;
  std::string seller_enc, seller_masked, contact_enc, contact_masked;
  std::optional<int64_t> created_by;
  int64_t now = 0;
};
Result<int64_t> InsertListing(storage::Connection& conn, const NewListing& n);
Result<std::optional<ListingRow>> GetListing(storage::Connection& conn, int64_t id);
// f.region already scoped; `station`: only that station's listings.
Result<Page<ListingRow>> ListListings(storage::Connection& conn, const ListingFilter& f,
                                      std::optional<int64_t> station, const PageRequest& page);
// The open listings of `region`'s subtree with `product` whose period overlaps [from, to]: the
// candidates of a demand's proposals, with only the fields the ranking reads (no seller, no
// note, no photo count).
Result<std::vector<Listing>> OpenCandidates(storage::Connection& conn, const RegionCode& region,
                                            const std::string& product, CivilDate from,
                                            CivilDate to);
// The listings of `ids` in that order (absent ids left out); one query per 500 ids.
Result<std::vector<ListingRow>> ListingsByIds(storage::Connection& conn,
                                              const std::vector<int64_t>& ids);
Status SetListingStatus(storage::Connection& conn, int64_t id, ListingStatus s, int64_t now);
// Adds `q` to the matched quantity; the status becomes matched when nothing is left.
Status AddListingMatched(storage::Connection& conn, int64_t id, int64_t q, int64_t now);

struct NewDemand {
  DemandInput in;
  std::optional<int64_t> created_by;
  int64_t now = 0;
};
Result<int64_t> InsertDemand(storage::Connection& conn, const NewDemand& n);
Result<std::optional<Demand>> GetDemand(storage::Connection& conn, int64_t id);
// f.region already scoped; `own_entity`: only that entity's demands.
Result<Page<Demand>> ListDemands(storage::Connection& conn, const DemandFilter& f,
                                 std::optional<int64_t> own_entity, const PageRequest& page);
Status SetDemandStatus(storage::Connection& conn, int64_t id, DemandStatus s, int64_t now);
// Adds `q` (the demand's unit) to the matched quantity; filled when the quantity is reached.
Status AddDemandMatched(storage::Connection& conn, int64_t id, int64_t q, int64_t now);

struct NewMatch {
  Match m;  // id, names ignored
  std::optional<int64_t> created_by;
};
Result<int64_t> InsertMatch(storage::Connection& conn, const NewMatch& n);
Result<std::optional<Match>> GetMatch(storage::Connection& conn, int64_t id);
Result<Page<Match>> ListMatches(storage::Connection& conn, const MatchFilter& f,
                                const PageRequest& page);
// Whether `entity_id` took listing `listing_id` up (a match names both).
Result<bool> TookUp(storage::Connection& conn, int64_t listing_id, int64_t entity_id);
// Which of `listing_ids` `entity_id` took up (one query per call).
Result<std::vector<int64_t>> TakenUpAmong(storage::Connection& conn, int64_t entity_id,
                                          const std::vector<int64_t>& listing_ids);

// Registered households (listings naming one) of `region`'s subtree whose listing was taken up
// in a match dated in [from, to]: the help source of the coverage indicator.
Result<std::set<int64_t>> HouseholdsMatched(storage::Connection& conn, const RegionCode& region,
                                            CivilDate from, CivilDate to);

// Files of a listing ("listing") or an agreement ("agreement").
Result<int64_t> InsertFile(storage::Connection& conn, const std::string& owner_kind,
                           int64_t owner_id, const std::string& county_code, const File& f,
                           const std::string& bytes, std::optional<int64_t> by,
                           const std::string& by_name);
Result<std::vector<File>> Files(storage::Connection& conn, const std::string& owner_kind,
                                int64_t owner_id);
Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn,
                                              const std::string& owner_kind, int64_t owner_id,
                                              int64_t file_id);

}  // namespace ruralec::matching::store
