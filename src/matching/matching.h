// Supply–demand matching (产销对接, issue 19 items 2–3; docs/MATCHING.md): produce listed by
// stations and town staff (信息传递), buying demands posted by entities, proposals ranked and
// explained, and the 产销对接 events recorded when one is accepted.
//
// Contract:
//  - A listing offers a household's (of the register) or a villager's own produce through a
//    station: product, quantity and unit, expected price (fen per unit, optional), available
//    from/to, a note and photos. Its village is the household's, or the one given for a
//    villager (must exist at village level, inside the station's town for a station operator).
//    The station's coordinates are copied into the listing when it is listed.
//  - Who lists: listing:edit — a station operator for the station it is bound to; staff for a
//    station and a village in their scope. Every write is audited ("listing.create",
//    "listing.withdraw", "listing.file.add") in its transaction.
//  - Who reads: listing:read (staff, station operators: their station's listings only) sees
//    listings in their scope with the seller (masked name; the household id). listing:browse
//    (entities) sees the open listings of its account's county, without personal data: village,
//    product, quantity, price, period, station — until it takes one up (a match naming the
//    listing and its entity), after which that listing shows the seller's name and contact to
//    it (each such read audited "pii.view").
//  - A demand is an entity's: product, quantity, unit, price range (fen per unit, optional
//    bounds), wanted from/to, the region it buys in (inside the poster's scope; an entity's: its
//    account's county), optional delivery point (lat/lng). demand:edit: an entity for itself;
//    staff for an entity in their scope. Audited "demand.create" / "demand.close".
//    demand:read: an entity its own demands; staff demands whose region they CanSee.
//  - Proposals (rules.h): the open listings of the demand's region with the same product,
//    a comparable unit and an overlapping period, scored and ranked with the reasons.
//  - Accepting a proposal (match:accept; the demand visible and writable by the caller — an
//    entity its own) records a match: quantity ≤ what is left of both, in the listing's unit;
//    the listing becomes `matched` and the demand `filled` when nothing is left. Audited
//    "match.accept" in the same transaction. A listing may also be taken up without a demand
//    (POST /matching/listings/{id}/take).
//  - Outside the caller's view a listing or demand is "not found".
// Tables owned: listings, demands, matches, agreements, agreement_parties, agreement_products,
// agreement_sales (agreements: agreements.h); listing photos and agreement documents are the
// attachments module's ({"matching", "listing"|"agreement", id}).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "matching/rules.h"
#include "storage/db.h"

namespace ruralec::matching {

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

inline constexpr int64_t kMaxQuantity = 1'000'000'000;
inline constexpr int64_t kMaxUnitPriceFen = 100'000'000;  // 100万元 per unit

struct ListingInput {
  int64_t station_id = 0;
  std::optional<int64_t> household_id;  // a household of the register, or a villager:
  RegionCode village;                   //   the villager's village
  std::string seller_name, contact;     //   the villager's name and phone (household: none)
  std::string product, unit, note;
  int64_t quantity = 0;
  std::optional<int64_t> price_fen;
  CivilDate available_from, available_to;
};

enum class ListingStatus { kOpen, kMatched, kWithdrawn };
const char* ListingStatusName(ListingStatus s);   // open | matched | withdrawn
const char* ListingStatusLabel(ListingStatus s);  // 在售 | 已对接 | 已撤回

struct Listing {
  int64_t id = 0;
  RegionCode village;
  std::string village_name, station_name;
  int64_t station_id = 0;
  std::optional<Point> point;
  // Personal data: only in the staff view or after a take-up (`seller_visible`).
  bool seller_visible = false;
  std::optional<int64_t> household_id;
  std::string seller_name, contact;  // masked for staff lists; clear after a take-up
  std::string product, unit, note;
  int64_t quantity = 0, matched_quantity = 0;
  std::optional<int64_t> price_fen;
  CivilDate available_from, available_to;
  ListingStatus status = ListingStatus::kOpen;
  int64_t photo_count = 0;
  int64_t created_at = 0, updated_at = 0;
};

struct ListingFilter {
  RegionCode region;  // subtree; default the caller's region (an entity: its county)
  std::string product;
  std::optional<ListingStatus> status;  // default: any (entities: open only)
  std::optional<int64_t> station_id;
};

Result<Listing> CreateListing(const Deps& d, const account::Principal& who, ListingInput in);
Result<Listing> WithdrawListing(const Deps& d, const account::Principal& who, int64_t id);
Result<Listing> GetListing(const Deps& d, const account::Principal& who, int64_t id);
// The seller's mobile in full, for the staff who see the listing and for the entity that took it
// up (a listing shows it masked); each reveal is audited `pii.view` (object `listing`).
Result<std::string> RevealListingContact(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Listing>> ListListings(const Deps& d, const account::Principal& who, ListingFilter f,
                                   const PageRequest& page);

struct DemandInput {
  int64_t entity_id = 0;
  RegionCode region;  // default: the entity's county
  std::string product, unit, note;
  int64_t quantity = 0;
  std::optional<int64_t> price_min_fen, price_max_fen;
  CivilDate wanted_from, wanted_to;
  std::optional<Point> delivery;
};

enum class DemandStatus { kOpen, kFilled, kClosed };
const char* DemandStatusName(DemandStatus s);   // open | filled | closed
const char* DemandStatusLabel(DemandStatus s);  // 求购中 | 已满足 | 已关闭

struct Demand {
  int64_t id = 0;
  DemandInput in;
  std::string entity_name, region_name;
  int64_t matched_quantity = 0;
  DemandStatus status = DemandStatus::kOpen;
  int64_t created_at = 0, updated_at = 0;
};

struct DemandFilter {
  RegionCode region;  // default the caller's region
  std::optional<int64_t> entity_id;
  std::optional<DemandStatus> status;
  std::string product;
};

Result<Demand> CreateDemand(const Deps& d, const account::Principal& who, DemandInput in);
Result<Demand> CloseDemand(const Deps& d, const account::Principal& who, int64_t id);
Result<Demand> GetDemand(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Demand>> ListDemands(const Deps& d, const account::Principal& who, DemandFilter f,
                                 const PageRequest& page);

// The ranked proposals for a demand (best first), each with its listing as `who` may see it.
struct ProposalView {
  Proposal proposal;
  Listing listing;
};
// One page of them (total: every proposal).
Result<Page<ProposalView>> Proposals(const Deps& d, const account::Principal& who,
                                     int64_t demand_id, const PageRequest& page);

// A 产销对接 event.
struct Match {
  int64_t id = 0, listing_id = 0;
  std::optional<int64_t> demand_id;
  int64_t entity_id = 0;
  std::string entity_name;
  RegionCode village;
  std::string village_name, product;
  int64_t quantity = 0;
  std::string unit;
  std::optional<int64_t> price_fen;
  std::optional<int> score;
  std::string reasons;  // the proposal's reasons as accepted ("；"-joined)
  CivilDate matched_on;
  int64_t created_at = 0;
};

// Accepts listing `listing_id` for demand `demand_id` (it must be among the demand's
// proposals); quantity in the listing's unit, default what is left of both.
Result<Match> AcceptProposal(const Deps& d, const account::Principal& who, int64_t demand_id,
                             int64_t listing_id, std::optional<int64_t> quantity,
                             std::optional<int64_t> price_fen);
// An entity (or staff for it) takes a listing up without a demand.
Result<Match> TakeListing(const Deps& d, const account::Principal& who, int64_t listing_id,
                          int64_t entity_id, std::optional<int64_t> quantity,
                          std::optional<int64_t> price_fen);

struct MatchFilter {
  RegionCode region;  // the listings' villages; default the caller's region
  std::optional<int64_t> entity_id, demand_id, listing_id;
};
Result<Page<Match>> ListMatches(const Deps& d, const account::Principal& who, MatchFilter f,
                                const PageRequest& page);

// ---- files (listing photos; agreement documents use the same store) ----
struct File {
  int64_t id = 0;
  std::string filename, content_type, sha256;
  int64_t size = 0, created_at = 0;
};
inline constexpr int kMaxListingPhotos = 6;
Result<File> AddListingPhoto(const Deps& d, const account::Principal& who, int64_t listing_id,
                             std::string_view filename, std::string_view bytes);
Result<std::vector<File>> ListingPhotos(const Deps& d, const account::Principal& who,
                                        int64_t listing_id);
Result<std::pair<File, std::string>> ListingPhoto(const Deps& d, const account::Principal& who,
                                                  int64_t listing_id, int64_t file_id);

}  // namespace ruralec::matching
