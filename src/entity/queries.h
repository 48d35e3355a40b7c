// Read models and edits of entities, shops and brands for the HTTP API: filtered, paginated
// lists, detail rows with the region name and counts, and updates.
// Contract:
//  - Every list takes the region subtree to search; the caller has already checked it lies in
//    the principal's scope, so nothing outside `region` is ever returned.
//  - Sort fields are whitelisted here (kInvalidArgument field "sort" otherwise).
//  - Updates run in the caller's connection/transaction and never write the audit log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/page.h"
#include "crypto/crypto.h"
#include "entity/entity.h"

namespace ruralec::entity::queries {

// ---- entities ----
struct EntityFilter {
  RegionCode region;  // subtree
  std::optional<Kind> kind;
  std::string q;  // part of the name, or the start of the uscc
  std::optional<int> registered_year;
  std::optional<bool> located;  // true: only those with a position; false: only those without
  std::optional<int64_t> id;    // only this entity (a caller acting for one business)
  std::vector<int64_t> ids;     // only these (selected rows); empty: no such filter
};
struct EntityRow {
  Entity entity;
  std::string region_name;
  int64_t shop_count = 0, brand_count = 0, updated_at = 0;
};
// Sort: id (default), name, uscc, registered_on, created_at.
Result<Page<EntityRow>> ListEntities(storage::Connection& conn, const EntityFilter& f,
                                     const PageRequest& page);
Result<EntityRow> GetEntity(storage::Connection& conn, int64_t id);  // kNotFound

struct EntityPatch {
  std::optional<std::string> name, contact_name;
  std::optional<std::string> mobile;  // "" clears
  std::optional<Kind> kind;
  std::optional<RegionCode> region;  // caller checks it (CheckRegion)
  std::optional<std::optional<CivilDate>> registered_on;
  std::optional<bool> model, contract_farming, employs_poor;
  std::optional<std::optional<Point>> point;  // nullopt inside: clears the position
};
// Applies the patch and returns the names of the fields that changed (for the audit entry).
// A changed region or registration date marks the old and new county-months of the screen's
// stored figures (storage/figure_changes.h) in the caller's transaction.
// Only the entity's own row changes: a caller moving the entity to another region tells the
// modules that keep rows by region (api/extensions.h).
Result<std::vector<std::string>> UpdateEntity(storage::Connection& conn,
                                              const crypto::FieldCipher& cipher, int64_t id,
                                              const EntityPatch& p, int64_t now_ms);

// ---- shops and brands ----
Result<Page<Shop>> ListShops(storage::Connection& conn, int64_t entity_id, const PageRequest& page);
Result<Shop> GetShop(storage::Connection& conn, int64_t entity_id, int64_t shop_id);
// Writes platform, shop_name and shop_ref; kConflict when (platform, shop_ref) is taken.
Status UpdateShop(storage::Connection& conn, const Shop& s);

struct BrandFilter {
  RegionCode region;
  std::optional<int64_t> entity_id;
  std::string q;
  std::optional<bool> regional_brand;
};
struct BrandRow {
  Brand brand;
  std::string entity_name;
  RegionCode region;
};
// Sort: id (default), name.
Result<Page<BrandRow>> ListBrands(storage::Connection& conn, const BrandFilter& f,
                                  const PageRequest& page);
Result<BrandRow> GetBrand(storage::Connection& conn, int64_t entity_id, int64_t brand_id);
// kConflict when the entity already has another brand of that name.
Status UpdateBrand(storage::Connection& conn, const Brand& b);

}  // namespace ruralec::entity::queries
