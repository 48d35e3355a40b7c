// Business entities (经营主体), their online shops and brands.
// Contract:
//  - An entity is identified by its 统一社会信用代码 (uscc, GB 32100 check; unique nationally).
//  - Its region is an existing town or village; writes check the caller's scope on it.
//  - An entity may have a position (issue 25 item 2, the screen's point map): WGS-84, both
//    coordinates or neither, at most 6 decimals, inside China's extent (lat 3–54, lng 73–136),
//    stored as integer micro-degrees; entered by the county, never derived from the address.
//  - Registering an entity or changing its region or registration date marks the county's
//    stored screen figures changed (`new_entities`; storage/figure_changes.h) in the same
//    transaction.
//  - Contact mobile is stored encrypted (FieldCipher, context "entities.mobile") with a blind
//    index and a masked copy; reads return only the masked value.
//  - Store functions run in the caller's connection (and its transaction, if one is open);
//    they never write the audit log: the caller does that in the same transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::entity {

enum class Kind { kEnterprise, kCooperative, kFamilyFarm, kIndividualBusiness, kOperator };
const char* KindName(Kind k);  // "enterprise", ...
const char* KindLabel(Kind k);  // "企业", "合作社", "家庭农场", "个体工商户", "运营服务商"
// Accepts the code name or the Chinese label.
Result<Kind> ParseKind(std::string_view text, std::string_view field = "kind");

// Parses 是/否/Y/N/1/0/true/false (empty = false).
Result<bool> ParseFlag(std::string_view text, std::string_view field);

struct Linkage {
  bool model = false;             // 电商企业+基地+合作社+农户
  bool contract_farming = false;  // 订单农业
  bool employs_poor = false;      // 带动建档立卡贫困户
};

// A WGS-84 position in micro-degrees.
struct Point {
  int64_t lat_e6 = 0, lng_e6 = 0;
  bool operator==(const Point&) const = default;
};
// China's extent, as the boundary files are checked (docs/DASHBOARD.md): a point outside it is
// a typing error (swapped coordinates, a sign) rather than a business abroad.
inline constexpr int64_t kMinLatE6 = 3'000'000, kMaxLatE6 = 54'000'000;
inline constexpr int64_t kMinLngE6 = 73'000'000, kMaxLngE6 = 136'000'000;
// Parses decimal degrees (at most 6 decimals) of "lat" and "lng" ("" = absent): both or neither,
// inside China's extent; errors name the field ("lat", "lng") in Chinese.
Result<std::optional<Point>> ParsePoint(std::string_view lat, std::string_view lng);
std::string FormatDegrees(int64_t e6);  // "33.645200"

struct NewEntity {
  std::string uscc;
  std::string name;
  Kind kind = Kind::kEnterprise;
  RegionCode region;
  std::optional<CivilDate> registered_on;
  std::string contact_name;
  std::string mobile;  // "" = none
  Linkage linkage;
  std::optional<Point> point;
};

struct Entity {
  int64_t id = 0;
  std::string uscc, name;
  Kind kind = Kind::kEnterprise;
  RegionCode region;
  std::optional<CivilDate> registered_on;
  std::string contact_name;
  std::optional<std::string> mobile_masked;
  Linkage linkage;
  std::optional<Point> point;
  int64_t created_at = 0;
};

struct Shop {
  int64_t id = 0;
  int64_t entity_id = 0;
  std::string platform, shop_name, shop_ref;  // shop_ref: the platform's shop id or URL
};

struct Brand {
  int64_t id = 0;
  int64_t entity_id = 0;
  std::string name, trademark_no;
  std::vector<std::string> categories;
  bool regional_brand = false;
};

// Field checks that need no database: uscc, name, mobile. Region existence, level and
// uniqueness are checked by the store.
Status Validate(const NewEntity& e);

// Inserts an entity; kConflict when the uscc exists, kInvalidArgument when the region is
// missing or not a town/village, kForbidden outside `who`'s scope. `batch_id` links an import.
// Without `batch_id` a dated registration marks its county-month (figure_changes.h); an import
// marks its whole batch once (one upsert per county instead of one per row).
Result<int64_t> Insert(storage::Connection& conn, const crypto::FieldCipher& cipher,
                       const account::Principal& who, const NewEntity& e, int64_t now_ms,
                       std::optional<int64_t> batch_id = std::nullopt);
Result<std::optional<Entity>> FindByUscc(storage::Connection& conn, std::string_view uscc);
Result<Entity> Get(storage::Connection& conn, int64_t id);
// The check of an account bound to entity `id` (roles `entity`, and station's
// `operator_company`): the entity exists inside the account's region; kInvalidArgument naming
// "binding" otherwise.
Status CheckBindable(storage::Connection& conn, const RegionCode& user_region, int64_t id);
Result<std::string> RevealMobile(storage::Connection& conn, const crypto::FieldCipher& cipher,
                                 int64_t id);

// Region must exist and be a town or village inside `who`'s scope.
Status CheckRegion(storage::Connection& conn, const account::Principal& who,
                   const RegionCode& region, std::string_view field = "region_code");

Result<int64_t> AddShop(storage::Connection& conn, const Shop& s, int64_t now_ms);
Result<std::optional<Shop>> FindShop(storage::Connection& conn, int64_t entity_id,
                                     std::string_view shop_ref);
Result<int64_t> AddBrand(storage::Connection& conn, const Brand& b, int64_t now_ms);
Result<std::optional<Brand>> FindBrand(storage::Connection& conn, int64_t entity_id,
                                       std::string_view name);

// ---- reads for other modules (reads.cc); ids/codes absent from the tables are absent ----
struct EntityName {
  std::string uscc, name;
};
// One query per 500 ids: what a page of another module's rows needs to name its entities.
Result<std::map<int64_t, EntityName>> NamesByIds(storage::Connection& conn,
                                                 std::vector<int64_t> ids);
Result<std::map<int64_t, std::string>> BrandNamesByIds(storage::Connection& conn,
                                                       std::vector<int64_t> ids);
// shop_ref (the platform's shop id or URL) of each shop.
Result<std::map<int64_t, std::string>> ShopRefsByIds(storage::Connection& conn,
                                                     std::vector<int64_t> ids);
// Entities registered (registered_on) within [from, to] (YYYY-MM-DD, inclusive) whose region
// code starts with `prefix`, counted per region code (one grouped read).
Result<std::map<std::string, int64_t>> RegisteredPerRegion(storage::Connection& conn,
                                                           const std::string& prefix,
                                                           const std::string& from,
                                                           const std::string& to);
// The one business a caller acting for a business may see (issue 15 item 4): the id it is bound
// to; 0 for a caller of a bound role without a binding (it sees nothing: fail closed); nullopt
// for every other caller. Every entity, shop, brand and sales read and write applies it.
std::optional<int64_t> OwnEntityOnly(const account::Principal& who);

// Every entity whose region is inside `scope`, by id (a rule engine's or report's read; no
// PII beyond the masked mobile). Not scoped further: the caller has checked `scope`.
Result<std::vector<Entity>> EntitiesIn(storage::Connection& conn, const RegionCode& scope);
// Every brand of an entity inside `scope`, by id (categories not filled in).
Result<std::vector<Brand>> BrandsIn(storage::Connection& conn, const RegionCode& scope);

}  // namespace ruralec::entity
