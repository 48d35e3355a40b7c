// Helpers shared by the matching service files (listings.cc, demands.cc, agreements.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attachments/attachments.h"
#include "matching/edits.h"
#include "matching/matching.h"
#include "matching/matching_store.h"

namespace ruralec::matching::internal {

// The one station a lister without listing:read (a station operator) acts for; 0 when its
// account is not bound (it sees and changes nothing); nullopt for staff.
std::optional<int64_t> StationOnly(const account::Principal& who);

// How a caller sees listings (matching.h contract).
struct ListingView {
  bool staff = false;              // listing:read: its scope, personal data masked
  std::optional<int64_t> station;  // a station operator: only this station's listings
  std::optional<int64_t> entity;   // listing:browse for a bound entity: open listings of
  RegionCode region;               //   `region` (its account's county); else the scope
};
Result<ListingView> ListingViewOf(const account::Principal& who);
bool Sees(const ListingView& v, const Listing& l);

// The listing as `who` may see it: personal data cleared for an entity that has not taken it
// up, decrypted for one that has (the caller audits that read).
Result<std::vector<Listing>> Present(const Deps& d, storage::Connection& conn, const ListingView& v,
                                     std::vector<store::ListingRow> rows);
// Village names of a batch (one query).
Status FillVillageNames(storage::Connection& conn, std::vector<Listing>& ls);

// The entity `who` acts for when it names `entity_id`: a bound entity only itself; staff an
// entity in their scope. Returns the entity's region. kInvalidArgument field entity_id.
Result<RegionCode> CheckEntity(storage::Connection& conn, const account::Principal& who,
                               int64_t entity_id);
std::optional<int64_t> ActorId(const account::Principal& who);
Status Audit(const Deps& d, storage::Connection& conn, const account::Principal& who,
             const std::string& action, const std::string& type, int64_t id,
             const std::string& detail);
// Checks an uploaded file (type sniffed, size, `limits`) and stores it for
// `owner_kind`/`owner_id` through the attachments module.
Result<File> StoreFile(const Deps& d, storage::Connection& conn, const account::Principal& who,
                       const std::string& owner_kind, int64_t owner_id,
                       const std::string& county_code, std::string_view filename,
                       std::string_view bytes, const attachments::Limits& limits = {});

// An edit's reason: optional text, ≤ 200 characters (field reason).
Result<std::string> EditReason(const std::string& reason);
// Records an edit of `kind` ("listing" | "agreement") `id` with its changed fields and audits
// "<kind>.update" in the caller's transaction; nothing (nullopt) when nothing changed.
Result<std::optional<Edit>> RecordEdit(const Deps& d, storage::Connection& conn,
                                       const account::Principal& who, const std::string& kind,
                                       int64_t id, std::vector<FieldChange> changes,
                                       const std::string& reason);

}  // namespace ruralec::matching::internal
