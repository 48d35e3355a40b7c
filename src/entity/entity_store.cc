#include <array>

#include "account/roles.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "entity/store_internal.h"
#include "entity/validation.h"
#include "region/region.h"
#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::entity {
namespace {

using storage::Null;
using storage::Row;
using storage::Value;

struct KindInfo {
  Kind kind;
  const char* name;
  const char* label;
};
constexpr std::array<KindInfo, 5> kKinds{{
    {Kind::kEnterprise, "enterprise", "企业"},
    {Kind::kCooperative, "cooperative", "合作社"},
    {Kind::kFamilyFarm, "family_farm", "家庭农场"},
    {Kind::kIndividualBusiness, "individual_business", "个体工商户"},
    {Kind::kOperator, "operator", "运营服务商"},
}};

const storage::Columns kEntity(
    "id, uscc, name, kind, region_code, registered_on, contact_name, mobile_masked, "
    "linkage_model, contract_farming, employs_poor, lat_e6, lng_e6, created_at");
const std::string kEntityColumns = "SELECT " + kEntity.List() + " FROM entities ";

Entity ToEntity(const Row& row) { return internal::EntityFrom(storage::NamedRow(row, kEntity)); }

Value OptText(const std::string& s) { return s.empty() ? Value{Null{}} : Value{s}; }

}  // namespace

Entity internal::EntityFrom(const storage::NamedRow& r) {
  Entity e;
  e.id = r.Int("id");
  e.uscc = r.Text("uscc");
  e.name = r.Text("name");
  auto kind = ParseKind(r.Text("kind"));
  e.kind = kind.ok() ? *kind : Kind::kEnterprise;
  if (auto code = RegionCode::Parse(r.Text("region_code")); code.ok()) e.region = *code;
  if (auto d = r.OptText("registered_on"); d && !d->empty()) {
    if (auto p = CivilDate::Parse(*d); p.ok()) e.registered_on = *p;
  }
  e.contact_name = r.Text("contact_name");
  e.mobile_masked = r.OptText("mobile_masked");
  e.linkage = {r.Bool("linkage_model"), r.Bool("contract_farming"), r.Bool("employs_poor")};
  if (auto lat = r.OptInt("lat_e6"), lng = r.OptInt("lng_e6"); lat && lng)
    e.point = Point{*lat, *lng};
  e.created_at = r.Int("created_at");
  return e;
}

const char* KindName(Kind k) { return kKinds[static_cast<size_t>(k)].name; }
const char* KindLabel(Kind k) { return kKinds[static_cast<size_t>(k)].label; }

Result<Kind> ParseKind(std::string_view text, std::string_view field) {
  for (const auto& k : kKinds) {
    if (text == k.name || text == k.label) return k.kind;
  }
  if (text == "农民专业合作社") return Kind::kCooperative;
  if (text == "个体户") return Kind::kIndividualBusiness;
  return Error::Invalid(std::string(field),
                        "主体类型应为 企业、合作社、家庭农场、个体工商户 或 运营服务商");
}

Result<bool> ParseFlag(std::string_view t, std::string_view field) {
  if (t.empty() || t == "否" || t == "N" || t == "n" || t == "0" || t == "false") return false;
  if (t == "是" || t == "Y" || t == "y" || t == "1" || t == "true") return true;
  return Error::Invalid(std::string(field), "应填写“是”或“否”");
}

Result<std::string> CleanName(std::string_view name) {
  return validate::ValidateText(name, {"name", "名称", kMaxNameChars});
}

Result<std::string> CleanContactName(std::string_view name) {
  return validate::ValidateText(name, {"contact_name", "联系人姓名", kMaxContactChars, true});
}

Status CheckRegisteredOn(const std::optional<CivilDate>& date) {
  if (!date) return {};
  return validate::PlausibleDate(*date, "registered_on");
}

Status Normalize(NewEntity& e) {
  RETURN_IF_ERROR(validate::Uscc(e.uscc, "uscc"));
  ASSIGN_OR_RETURN(e.name, CleanName(e.name));
  if (!e.mobile.empty()) RETURN_IF_ERROR(validate::Mobile(e.mobile, "mobile"));
  ASSIGN_OR_RETURN(e.contact_name, CleanContactName(e.contact_name));
  return {};
}

Status Validate(const NewEntity& e) {
  NewEntity copy = e;
  return Normalize(copy);
}

Status ValidateShop(Shop& s) {
  ASSIGN_OR_RETURN(s.platform,
                   validate::ValidateText(s.platform, {"platform", "平台", kMaxPlatformChars}));
  ASSIGN_OR_RETURN(s.shop_name, validate::ValidateText(
                                    s.shop_name, {"shop_name", "网店名称", kMaxNameChars, true}));
  ASSIGN_OR_RETURN(s.shop_ref, validate::ValidateText(
                                   s.shop_ref, {"shop_ref", "网店ID或网址", kMaxShopRefChars}));
  return {};
}

Status ValidateBrand(Brand& b) {
  ASSIGN_OR_RETURN(b.name, validate::ValidateText(b.name, {"name", "品牌名称", kMaxNameChars}));
  ASSIGN_OR_RETURN(b.trademark_no,
                   validate::ValidateText(
                       b.trademark_no, {"trademark_no", "商标注册号", kMaxTrademarkChars, true}));
  if (b.categories.size() > kMaxCategories)
    return Error::Invalid("categories", "品类最多" + std::to_string(kMaxCategories) + "个");
  for (auto& c : b.categories) {
    ASSIGN_OR_RETURN(c, validate::ValidateText(c, {"categories", "品类", kMaxCategoryChars}));
    if (c.find(',') != std::string::npos)
      return Error::Invalid("categories", "品类名称不能包含逗号");
  }
  return {};
}

Status CheckRegion(storage::Connection& conn, const account::Principal& who,
                   const RegionCode& region, std::string_view field) {
  std::string f(field);
  if (region.empty()) return Error::Invalid(f, "区划代码不能为空");
  if (region.level() != RegionLevel::kTown && region.level() != RegionLevel::kVillage)
    return Error::Invalid(f, "区划应为乡镇（街道）或行政村（社区）");
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(bool stored, region::Exists(conn, region));
  if (!stored) return Error::Invalid(f, "区划 " + region.str() + " 不存在");
  return {};
}

Result<int64_t> Insert(storage::Connection& conn, const crypto::FieldCipher& cipher,
                       const account::Principal& who, const NewEntity& in, int64_t now_ms,
                       std::optional<int64_t> batch_id) {
  NewEntity e = in;
  RETURN_IF_ERROR(Normalize(e));
  RETURN_IF_ERROR(CheckRegisteredOn(e.registered_on));
  RETURN_IF_ERROR(CheckRegion(conn, who, e.region));
  ASSIGN_OR_RETURN(auto existing, FindByUscc(conn, e.uscc));
  if (existing) return Error::Conflict("统一社会信用代码 " + e.uscc + " 已登记", "uscc");
  Value enc = Null{}, bidx = Null{}, masked = Null{};
  if (!e.mobile.empty()) {
    enc = cipher.Encrypt(e.mobile, "entities.mobile");
    bidx = cipher.BlindIndex(e.mobile, "entities.mobile");
    masked = crypto::MaskMobile(e.mobile);
  }
  if (e.point) {  // the same checks as ParsePoint, for a caller that built the point itself
    ASSIGN_OR_RETURN(e.point,
                     ParsePoint(FormatDegrees(e.point->lat_e6), FormatDegrees(e.point->lng_e6)));
  }
  Value reg = e.registered_on ? Value{e.registered_on->ToString()} : Value{Null{}};
  Value lat = e.point ? Value{e.point->lat_e6} : Value{Null{}};
  Value lng = e.point ? Value{e.point->lng_e6} : Value{Null{}};
  Value batch = batch_id ? Value{*batch_id} : Value{Null{}};
  Value by = who.id.valid() ? Value{who.id.value} : Value{Null{}};
  ASSIGN_OR_RETURN(
      Row row,
      conn.QueryOne(
          "INSERT INTO entities (county_code, region_code, uscc, name, kind, registered_on, "
          "contact_name, mobile_enc, mobile_bidx, mobile_masked, linkage_model, contract_farming, "
          "employs_poor, lat_e6, lng_e6, batch_id, created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {e.region.county().str(), e.region.str(), e.uscc, e.name, std::string(KindName(e.kind)),
           reg, OptText(e.contact_name), enc, bidx, masked, int64_t{e.linkage.model},
           int64_t{e.linkage.contract_farming}, int64_t{e.linkage.employs_poor}, lat, lng, batch,
           by, now_ms, now_ms},
          "insert entity"));
  // `new_entities` counts it in its registration month (the screen's stored county figures);
  // an import marks its batch once, when its rows are written (import.cc, MarkImported).
  if (e.registered_on && !batch_id)
    RETURN_IF_ERROR(
        storage::MarkFiguresChanged(conn, e.region, e.registered_on->ToString(), now_ms));
  return row.Int(0);
}

Result<std::optional<Entity>> FindByUscc(storage::Connection& conn, std::string_view uscc) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(kEntityColumns + "WHERE uscc = ?", {std::string(uscc)}));
  if (rows.empty()) return std::optional<Entity>();
  return std::optional<Entity>(ToEntity(rows[0]));
}

Result<Entity> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(kEntityColumns + "WHERE id = ?", {id}));
  if (rows.empty()) return Error::NotFound("经营主体不存在");
  return ToEntity(rows[0]);
}

Result<std::string> RevealMobile(storage::Connection& conn, const crypto::FieldCipher& cipher,
                                 int64_t id) {
  ASSIGN_OR_RETURN(
      Row r, conn.QueryOne("SELECT mobile_enc FROM entities WHERE id = ?", {id}, "经营主体不存在"));
  if (r.IsNull(0)) return Error::NotFound("该主体未登记联系电话");
  return cipher.Decrypt(r.Text(0), "entities.mobile");
}

Result<int64_t> AddShop(storage::Connection& conn, const Shop& in, int64_t now_ms) {
  Shop s = in;
  RETURN_IF_ERROR(ValidateShop(s));
  ASSIGN_OR_RETURN(Entity e, Get(conn, s.entity_id));
  ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT 1 FROM entity_shops WHERE platform = ? AND "
                                        "shop_ref = ?",
                                        {s.platform, s.shop_ref}));
  if (!dup.empty()) return Error::Conflict("该平台上的网店已登记", "shop_ref");
  ASSIGN_OR_RETURN(
      Row row, conn.QueryOne("INSERT INTO entity_shops (county_code, entity_id, "
                             "platform, shop_name, shop_ref, created_at) VALUES "
                             "(?, ?, ?, ?, ?, ?) RETURNING id",
                             {e.region.county().str(), e.id, s.platform,
                              s.shop_name.empty() ? s.shop_ref : s.shop_name, s.shop_ref, now_ms},
                             "insert shop"));
  return row.Int(0);
}

Result<std::optional<Shop>> FindShop(storage::Connection& conn, int64_t entity_id,
                                     std::string_view shop_ref) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, platform, shop_name, shop_ref FROM "
                                         "entity_shops WHERE entity_id = ? AND shop_ref = ?",
                                         {entity_id, std::string(shop_ref)}));
  if (rows.empty()) return std::optional<Shop>();
  return std::optional<Shop>(
      Shop{rows[0].Int(0), entity_id, rows[0].Text(1), rows[0].Text(2), rows[0].Text(3)});
}

Result<int64_t> AddBrand(storage::Connection& conn, const Brand& in, int64_t now_ms) {
  Brand b = in;
  RETURN_IF_ERROR(ValidateBrand(b));
  ASSIGN_OR_RETURN(Entity e, Get(conn, b.entity_id));
  ASSIGN_OR_RETURN(auto dup, FindBrand(conn, b.entity_id, b.name));
  if (dup) return Error::Conflict("该主体已登记同名品牌", "name");
  std::string cats;
  for (const auto& c : b.categories) cats += (cats.empty() ? "" : ",") + c;
  ASSIGN_OR_RETURN(
      Row row, conn.QueryOne("INSERT INTO brands (county_code, entity_id, name, "
                             "trademark_no, categories, regional_brand, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {e.region.county().str(), e.id, b.name, OptText(b.trademark_no), cats,
                              int64_t{b.regional_brand}, now_ms},
                             "insert brand"));
  return row.Int(0);
}

Result<std::optional<Brand>> FindBrand(storage::Connection& conn, int64_t entity_id,
                                       std::string_view name) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, trademark_no, regional_brand FROM brands "
                                         "WHERE entity_id = ? AND name = ?",
                                         {entity_id, std::string(name)}));
  if (rows.empty()) return std::optional<Brand>();
  Brand b{rows[0].Int(0), entity_id, std::string(name), rows[0].Text(1), {}, rows[0].Int(2) != 0};
  return std::optional<Brand>(std::move(b));
}

Result<std::vector<Entity>> EntitiesIn(storage::Connection& conn, const RegionCode& scope) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query(kEntityColumns + "WHERE region_code >= ? AND region_code <= ? ORDER BY id",
                 storage::SubtreeRange(scope)));
  std::vector<Entity> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToEntity(r));
  return out;
}

Result<std::vector<Brand>> BrandsIn(storage::Connection& conn, const RegionCode& scope) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT b.id, b.entity_id, b.name, b.trademark_no, "
                                         "b.regional_brand FROM brands b JOIN entities e ON "
                                         "e.id = b.entity_id WHERE e.region_code >= ? AND "
                                         "e.region_code <= ? ORDER BY b.id",
                                         storage::SubtreeRange(scope)));
  std::vector<Brand> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), {}, r.Int(4) != 0});
  return out;
}

std::optional<int64_t> OwnEntityOnly(const account::Principal& who) {
  if (auto id = who.BoundTo("entity")) return id;
  for (const auto& role : who.roles) {
    const account::RoleBinding* b = account::BindingOf(role);
    if (b && b->kind == "entity") return int64_t{0};
  }
  return std::nullopt;
}

// An `entity` (or operator_company) account acts for one business inside the account's region
// (issue 15 item 4, issue 17 item 8).
Status CheckBindable(storage::Connection& conn, const RegionCode& user_region, int64_t id) {
  auto e = Get(conn, id);
  if (!e.ok() && e.error().code == ErrorCode::kNotFound)
    return Error::Invalid("binding", "绑定的经营主体不存在");
  if (!e.ok()) return e.take_error();
  if (!user_region.Contains(e->region))
    return Error::Invalid("binding", "绑定的经营主体不在该账号的所属区划内");
  return {};
}

}  // namespace ruralec::entity
