// Purchases from the poor (收购贫困村、贫困户农村产品): an entity's purchases from a registered
// household or from a village tagged `poverty_village` (docs/HOUSEHOLDS.md "Purchases").
//
// Contract:
//  - A purchase names the buying entity (registered), the seller — a household of the register
//    (seller_kind household) or a village tagged poverty_village with the seller's name, a co-op
//    or villager group (seller_kind village) — the product, a quantity (whole units of `unit`),
//    the amount in fen (1 … 10亿元), the date (not in the future) and its evidence: a receipt
//    (收据) or a transfer voucher (转账凭证) with its number.
//  - Natural key: buyer | seller | date | product | evidence number. At most one current
//    purchase per key: recording a key that has a current purchase is kConflict (duplicates
//    refused). A correction writes a new purchase superseding the current one (with the reason);
//    the old one stays as history (is_current false), never deleted. Correcting a purchase that
//    is no longer current is kConflict. Only current purchases count anywhere.
//  - Scope: by the buying entity's region (like the sales ledger): staff read and write
//    purchases of entities inside their region; a caller bound to an entity (role entity) only
//    that entity's purchases. Outside the view a purchase is "not found".
//  - Writes need purchase:edit and are audited ("purchase.create" / "purchase.correct") in the
//    same transaction. Lists never show a household's unmasked name.
//  - Link (关联协议或信息): a purchase may name the agreement (订单农业、你种我销协议) or the
//    listing (信息) it was made under, or both. Both belong to the matching module, above this
//    one: it registers the check (SetPurchaseLinkCheck, docs/HOUSEHOLDS.md "Purchases"); without
//    it a link is refused (field agreement_id / listing_id). A correction carries its own link.
//  - Read side for other modules (award's `purchase` subject, the coverage indicator): current
//    purchases only, scoped by the caller.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "households/households.h"

namespace ruralec::households {

enum class SellerKind { kHousehold, kVillage };
const char* SellerKindName(SellerKind k);  // household | village
Result<SellerKind> ParseSellerKind(std::string_view text, std::string_view field = "seller_kind");

inline constexpr int64_t kMaxPurchaseFen = 100'000'000'000;  // 10亿元 per purchase
inline constexpr int64_t kMaxPurchaseQuantity = 1'000'000'000;

struct PurchaseInput {
  int64_t entity_id = 0;
  SellerKind seller_kind = SellerKind::kHousehold;
  std::optional<int64_t> household_id;  // seller_kind household
  RegionCode village;                   // seller_kind village (a household's is its own)
  std::string seller_name;              // seller_kind village: the co-op or group
  std::string product;
  int64_t quantity = 0;
  std::string unit;
  int64_t amount_fen = 0;
  CivilDate purchased_on;
  std::string evidence_kind = "receipt";  // receipt | transfer
  std::string evidence_no;
  // The link: an agreement by id, or by its number (agreement_no, the buyer's; the check
  // resolves it into agreement_id), and/or a listing by id.
  std::optional<int64_t> agreement_id, listing_id;
  std::string agreement_no;
};

// Checks (and resolves) a purchase's link in the caller's transaction; kInvalidArgument naming
// agreement_id / listing_id with the reason. Registered by the matching module's manifest; a
// second registration replaces the first.
using PurchaseLinkCheck = std::function<Status(storage::Connection&, PurchaseInput&)>;
void SetPurchaseLinkCheck(PurchaseLinkCheck check);

struct Purchase {
  int64_t id = 0;
  PurchaseInput in;  // in.village: the seller's village for both kinds
  std::string entity_name, village_name;
  std::string seller_label;  // a household's masked head name, or the village seller's name
  RegionCode buyer_region;
  std::string source;  // form | import | generated
  std::optional<int64_t> batch_id, source_row, supersedes_id, created_by;
  bool current = true;
  std::string correction_reason;
  int64_t created_at = 0;
};

struct PurchaseFilter {
  RegionCode region;  // the buyers' subtree; default the caller's region
  std::optional<int64_t> entity_id, household_id;
  std::optional<CivilDate> from, to;
  bool history = false;  // include superseded purchases
};

// Field rules (no database); kInvalidArgument naming the field. Trims the texts.
Status ValidatePurchase(PurchaseInput& in, CivilDate today);
std::string PurchaseKey(const PurchaseInput& in);

Result<Purchase> RecordPurchase(const Deps& d, const account::Principal& who,
                                const PurchaseInput& in);
// Supersedes current purchase `id` by `in` (reason required).
Result<Purchase> CorrectPurchase(const Deps& d, const account::Principal& who, int64_t id,
                                 const PurchaseInput& in, const std::string& reason);
Result<Purchase> GetPurchase(const Deps& d, const account::Principal& who, int64_t id);
// The purchase and the ones it superseded, newest first.
Result<std::vector<Purchase>> PurchaseHistory(const Deps& d, const account::Principal& who,
                                              int64_t id);
Result<Page<Purchase>> ListPurchases(const Deps& d, const account::Principal& who, PurchaseFilter f,
                                     const PageRequest& page);

// ---- read side for other modules (no permission check: the caller scoped `scope`) ----

// Per buying entity inside `scope`: the year's current purchases summed, with their ids.
struct BuyerYear {
  int64_t entity_id = 0;
  int64_t amount_fen = 0;
  int64_t from_households_fen = 0, from_villages_fen = 0;
  std::vector<int64_t> purchase_ids;
};
Result<std::vector<BuyerYear>> PurchasesOfYear(storage::Connection& conn, const RegionCode& scope,
                                               int year);

}  // namespace ruralec::households
