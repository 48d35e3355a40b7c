#include "entity/queries.h"

#include <cstdio>

#include "core/validate.h"
#include "entity/store_internal.h"
#include "entity/validation.h"
#include "region/region.h"
#include "storage/figure_changes.h"
#include "storage/id_filter.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::entity::queries {
namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

// ---- entities ----
const storage::Columns kEntity(
    "e.id, e.uscc, e.name, e.kind, e.region_code, e.registered_on, e.contact_name, "
    "e.mobile_masked, e.linkage_model, e.contract_farming, e.employs_poor, e.lat_e6, e.lng_e6, "
    "e.created_at, "
    "e.updated_at, "
    "(SELECT COUNT(*) FROM entity_shops sh WHERE sh.entity_id = e.id) AS shop_count, "
    "(SELECT COUNT(*) FROM brands b WHERE b.entity_id = e.id) AS brand_count");

EntityRow ToEntityRow(const Row& row) {
  storage::NamedRow r(row, kEntity);
  EntityRow out;
  out.entity = internal::EntityFrom(r);
  out.updated_at = r.Int("updated_at");
  out.shop_count = r.Int("shop_count");
  out.brand_count = r.Int("brand_count");
  return out;
}

// region_name of each row, in one read of the region module (region::NamesOf).
Status NameRegions(storage::Connection& conn, std::vector<EntityRow>& rows) {
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(r.entity.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, std::move(codes)));
  for (auto& r : rows) {
    auto it = names.find(r.entity.region.str());
    r.region_name = it == names.end() ? "" : it->second;
  }
  return {};
}

// `text` inside the name, or at the start of the USCC (`prefix_col`), taken literally.
void MatchText(storage::Where& w, const std::string& text, const char* contains_col,
               const char* prefix_col) {
  if (text.empty()) return;
  std::string escaped = storage::LikeEscaped(text);
  w.Sql(std::string("(") + contains_col + " LIKE ? ESCAPE '\\' OR " + prefix_col +
            " LIKE ? ESCAPE '\\')",
        {"%" + escaped + "%", escaped + "%"});
}

storage::Where EntityWhere(const EntityFilter& f) {
  storage::Where w;
  w.InSubtree("e.region_code", f.region);
  if (f.id) w.Eq("e.id", *f.id);
  storage::IdsIn(w, "e.id", f.ids);
  if (f.kind) w.Eq("e.kind", std::string(KindName(*f.kind)));
  if (f.located) w.Sql(*f.located ? "e.lat_e6 IS NOT NULL" : "e.lat_e6 IS NULL", {});
  MatchText(w, f.q, "e.name", "e.uscc");
  if (f.registered_year) {
    std::string y = std::to_string(*f.registered_year);
    w.Cmp("e.registered_on", ">=", y + "-01-01").Cmp("e.registered_on", "<=", y + "-12-31");
  }
  return w;
}

std::string Categories(const std::vector<std::string>& cats) {
  std::string out;
  for (const auto& c : cats) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> SplitCategories(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size() && !s.empty()) {
    size_t end = s.find(',', pos);
    std::string part = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!part.empty()) out.push_back(part);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return out;
}

const storage::Columns kBrand(
    "b.id, b.entity_id, b.name, b.trademark_no, b.categories, b.regional_brand, "
    "e.name AS entity_name, e.region_code");
constexpr const char* kBrandFrom = "FROM brands b JOIN entities e ON e.id = b.entity_id";

BrandRow ToBrandRow(const Row& row) {
  storage::NamedRow r(row, kBrand);
  BrandRow out;
  out.brand = {r.Int("id"),
               r.Int("entity_id"),
               r.Text("name"),
               r.Text("trademark_no"),
               SplitCategories(r.Text("categories")),
               r.Bool("regional_brand")};
  out.entity_name = r.Text("entity_name");
  if (auto code = RegionCode::Parse(r.Text("region_code")); code.ok()) out.region = *code;
  return out;
}

const storage::RowDecoder<Shop> kShop{{"id", &Shop::id},
                                      {"entity_id", &Shop::entity_id},
                                      {"platform", &Shop::platform},
                                      {"shop_name", &Shop::shop_name},
                                      {"shop_ref", &Shop::shop_ref}};

}  // namespace

Result<Page<EntityRow>> ListEntities(storage::Connection& conn, const EntityFilter& f,
                                     const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "e.id"},
                                                        {"name", "e.name"},
                                                        {"uscc", "e.uscc"},
                                                        {"registered_on", "e.registered_on"},
                                                        {"created_at", "e.created_at"}},
                                                       "e.id"));
  ASSIGN_OR_RETURN(auto out,
                   storage::QueryPage<EntityRow>(conn, kEntity.List(), "FROM entities e",
                                                 EntityWhere(f), order, page, ToEntityRow));
  RETURN_IF_ERROR(NameRegions(conn, out.items));
  return out;
}

Result<EntityRow> GetEntity(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT " + kEntity.List() + " FROM entities e WHERE e.id = ?", {id}));
  if (rows.empty()) return Error::NotFound("经营主体不存在");
  std::vector<EntityRow> one{ToEntityRow(rows[0])};
  RETURN_IF_ERROR(NameRegions(conn, one));
  return std::move(one[0]);
}

namespace {

// Appends "col = ?" when the patch sets a value different from the current one.
struct SetList {
  std::string sql;
  Params params;
  std::vector<std::string> changed;
  void Add(const std::string& field, const std::string& col, Value v) {
    sql += (sql.empty() ? "" : ", ") + col + " = ?";
    params.push_back(std::move(v));
    changed.push_back(field);
  }
};

// Names are checked and trimmed by the entity module's rules (CleanName …).
Status PatchText(SetList& s, const Entity& e, const EntityPatch& p) {
  if (p.name) {
    ASSIGN_OR_RETURN(std::string name, CleanName(*p.name));
    if (name != e.name) s.Add("name", "name", name);
  }
  if (p.contact_name) {
    ASSIGN_OR_RETURN(std::string contact, CleanContactName(*p.contact_name));
    if (contact != e.contact_name)
      s.Add("contact_name", "contact_name", storage::TextOrNull(contact));
  }
  if (p.kind && *p.kind != e.kind) s.Add("kind", "kind", std::string(KindName(*p.kind)));
  if (p.region && *p.region != e.region) {
    s.Add("region_code", "region_code", p.region->str());
    s.Add("region_code", "county_code", p.region->county().str());
    s.changed.pop_back();
  }
  if (p.registered_on && *p.registered_on != e.registered_on) {
    s.Add("registered_on", "registered_on",
          *p.registered_on ? Value{(*p.registered_on)->ToString()} : Value{Null{}});
  }
  return {};
}

void PatchPoint(SetList& s, const Entity& e, const EntityPatch& p) {
  if (!p.point || *p.point == e.point) return;
  s.Add("location", "lat_e6", *p.point ? Value{(*p.point)->lat_e6} : Value{Null{}});
  s.Add("location", "lng_e6", *p.point ? Value{(*p.point)->lng_e6} : Value{Null{}});
}

// `new_entities` counts an entity in its region and registration month: a change of either
// marks the old and the new (county, month) of the screen's stored figures.
Status MarkMoved(storage::Connection& conn, const Entity& e, const EntityPatch& p, int64_t now_ms) {
  RegionCode region = p.region.value_or(e.region);
  std::optional<CivilDate> on = p.registered_on ? *p.registered_on : e.registered_on;
  if (region == e.region && on == e.registered_on) return {};
  if (e.registered_on)
    RETURN_IF_ERROR(
        storage::MarkFiguresChanged(conn, e.region, e.registered_on->ToString(), now_ms));
  if (on) RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, region, on->ToString(), now_ms));
  return {};
}

void PatchFlags(SetList& s, const Entity& e, const EntityPatch& p) {
  if (p.model && *p.model != e.linkage.model)
    s.Add("linkage.model", "linkage_model", int64_t{*p.model});
  if (p.contract_farming && *p.contract_farming != e.linkage.contract_farming)
    s.Add("linkage.contract_farming", "contract_farming", int64_t{*p.contract_farming});
  if (p.employs_poor && *p.employs_poor != e.linkage.employs_poor)
    s.Add("linkage.employs_poor", "employs_poor", int64_t{*p.employs_poor});
}

}  // namespace

Result<std::vector<std::string>> UpdateEntity(storage::Connection& conn,
                                              const crypto::FieldCipher& cipher, int64_t id,
                                              const EntityPatch& p, int64_t now_ms) {
  ASSIGN_OR_RETURN(EntityRow cur, GetEntity(conn, id));
  const Entity& e = cur.entity;
  SetList s;
  if (p.registered_on) RETURN_IF_ERROR(CheckRegisteredOn(*p.registered_on));
  RETURN_IF_ERROR(PatchText(s, e, p));
  PatchFlags(s, e, p);
  if (p.point && *p.point) {  // checked as a new entity's (inside China's extent)
    ASSIGN_OR_RETURN(auto checked, ParsePoint(FormatDegrees((*p.point)->lat_e6),
                                              FormatDegrees((*p.point)->lng_e6)));
    if (!checked) return Error::Invalid("lat", "经度和纬度须同时填写");
  }
  PatchPoint(s, e, p);
  if (p.mobile) {
    if (p.mobile->empty()) {
      if (e.mobile_masked) {
        s.Add("mobile", "mobile_enc", Null{});
        s.Add("mobile", "mobile_bidx", Null{});
        s.Add("mobile", "mobile_masked", Null{});
      }
    } else {
      RETURN_IF_ERROR(validate::Mobile(*p.mobile, "mobile"));
      ASSIGN_OR_RETURN(auto old, conn.QueryOne("SELECT mobile_bidx FROM entities WHERE id = ?",
                                               {id}, "经营主体不存在"));
      if (old.Text(0) != cipher.BlindIndex(*p.mobile, "entities.mobile")) {
        s.Add("mobile", "mobile_enc", cipher.Encrypt(*p.mobile, "entities.mobile"));
        s.Add("mobile", "mobile_bidx", cipher.BlindIndex(*p.mobile, "entities.mobile"));
        s.Add("mobile", "mobile_masked", crypto::MaskMobile(*p.mobile));
      }
    }
  }
  std::vector<std::string> changed;
  for (const auto& c : s.changed)
    if (changed.empty() || changed.back() != c) changed.push_back(c);
  if (s.sql.empty()) return changed;
  RETURN_IF_ERROR(MarkMoved(conn, e, p, now_ms));
  s.params.emplace_back(now_ms);
  s.params.emplace_back(id);
  RETURN_IF_ERROR(
      conn.Exec("UPDATE entities SET " + s.sql + ", updated_at = ? WHERE id = ?", s.params));
  return changed;
}

Result<Page<Shop>> ListShops(storage::Connection& conn, int64_t entity_id,
                             const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"id", "id"}, {"platform", "platform"}}, "id"));
  return storage::QueryPage<Shop>(conn, kShop.List(), "FROM entity_shops",
                                  storage::Where().Eq("entity_id", entity_id), order, page,
                                  [](const Row& r) { return kShop.Decode(r); });
}

Result<Shop> GetShop(storage::Connection& conn, int64_t entity_id, int64_t shop_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kShop.List() +
                                             " FROM entity_shops WHERE id = ? AND entity_id = ?",
                                         {shop_id, entity_id}));
  if (rows.empty()) return Error::NotFound("网店不存在");
  return kShop.Decode(rows[0]);
}

Status UpdateShop(storage::Connection& conn, const Shop& in) {
  Shop s = in;
  RETURN_IF_ERROR(ValidateShop(s));
  ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT 1 FROM entity_shops WHERE platform = ? AND "
                                        "shop_ref = ? AND id <> ?",
                                        {s.platform, s.shop_ref, s.id}));
  if (!dup.empty()) return Error::Conflict("该平台上的网店已登记", "shop_ref");
  RETURN_IF_ERROR(
      conn.Exec("UPDATE entity_shops SET platform = ?, shop_name = ?, shop_ref = ? "
                "WHERE id = ?",
                {s.platform, s.shop_name.empty() ? s.shop_ref : s.shop_name, s.shop_ref, s.id}));
  return {};
}

Result<Page<BrandRow>> ListBrands(storage::Connection& conn, const BrandFilter& f,
                                  const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"id", "b.id"}, {"name", "b.name"}}, "b.id"));
  storage::Where w;
  w.InSubtree("e.region_code", f.region).EqIf("b.entity_id", f.entity_id);
  MatchText(w, f.q, "b.name", "b.trademark_no");
  if (f.regional_brand) w.Eq("b.regional_brand", int64_t{*f.regional_brand});
  return storage::QueryPage<BrandRow>(conn, kBrand.List(), kBrandFrom, w, order, page, ToBrandRow);
}

Result<BrandRow> GetBrand(storage::Connection& conn, int64_t entity_id, int64_t brand_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kBrand.List() + " " + kBrandFrom +
                                             " WHERE b.id = ? AND b.entity_id = ?",
                                         {brand_id, entity_id}));
  if (rows.empty()) return Error::NotFound("品牌不存在");
  return ToBrandRow(rows[0]);
}

Status UpdateBrand(storage::Connection& conn, const Brand& in) {
  Brand b = in;
  RETURN_IF_ERROR(ValidateBrand(b));
  ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT 1 FROM brands WHERE entity_id = ? AND name = ? "
                                        "AND id <> ?",
                                        {b.entity_id, b.name, b.id}));
  if (!dup.empty()) return Error::Conflict("该主体已登记同名品牌", "name");
  RETURN_IF_ERROR(
      conn.Exec("UPDATE brands SET name = ?, trademark_no = ?, categories = ?, "
                "regional_brand = ? WHERE id = ?",
                {b.name, storage::TextOrNull(b.trademark_no), Categories(b.categories),
                 int64_t{b.regional_brand}, b.id}));
  return {};
}

}  // namespace ruralec::entity::queries
