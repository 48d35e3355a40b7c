#include "entity/queries.h"

#include <cstdio>

#include "core/validate.h"
#include "entity/validation.h"
#include "region/region.h"
#include "storage/order_by.h"

namespace ruralec::entity::queries {
namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

std::string Prefix(const RegionCode& r) { return std::string(r.prefix()) + "%"; }

// For LIKE ... ESCAPE '\': the user's text matches literally.
std::string Escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

template <typename T>
Page<T> EmptyPage(const PageRequest& page) {
  Page<T> p;
  p.page = page.page;
  p.page_size = page.page_size;
  return p;
}

Value OptText(const std::string& s) { return s.empty() ? Value{Null{}} : Value{s}; }

// ---- entities ----
constexpr const char* kEntitySelect =
    "SELECT e.id, e.uscc, e.name, e.kind, e.region_code, e.registered_on, e.contact_name, "
    "e.mobile_masked, e.linkage_model, e.contract_farming, e.employs_poor, e.created_at, "
    "e.updated_at, "
    "(SELECT COUNT(*) FROM entity_shops sh WHERE sh.entity_id = e.id), "
    "(SELECT COUNT(*) FROM brands b WHERE b.entity_id = e.id) "
    "FROM entities e ";

EntityRow ToEntityRow(const Row& r) {
  EntityRow out;
  Entity& e = out.entity;
  e.id = r.Int(0);
  e.uscc = r.Text(1);
  e.name = r.Text(2);
  auto kind = ParseKind(r.Text(3));
  e.kind = kind.ok() ? *kind : Kind::kEnterprise;
  if (auto code = RegionCode::Parse(r.Text(4)); code.ok()) e.region = *code;
  if (auto d = r.OptText(5); d && !d->empty()) {
    if (auto p = CivilDate::Parse(*d); p.ok()) e.registered_on = *p;
  }
  e.contact_name = r.Text(6);
  e.mobile_masked = r.OptText(7);
  e.linkage = {r.Int(8) != 0, r.Int(9) != 0, r.Int(10) != 0};
  e.created_at = r.Int(11);
  out.updated_at = r.Int(12);
  out.shop_count = r.Int(13);
  out.brand_count = r.Int(14);
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

std::string EntityWhere(const EntityFilter& f, Params& p) {
  std::string w = " WHERE e.region_code LIKE ?";
  p.emplace_back(Prefix(f.region));
  if (f.id) {
    w += " AND e.id = ?";
    p.emplace_back(*f.id);
  }
  if (f.kind) {
    w += " AND e.kind = ?";
    p.emplace_back(std::string(KindName(*f.kind)));
  }
  if (!f.q.empty()) {
    w += " AND (e.name LIKE ? ESCAPE '\\' OR e.uscc LIKE ? ESCAPE '\\')";
    p.emplace_back("%" + Escaped(f.q) + "%");
    p.emplace_back(Escaped(f.q) + "%");
  }
  if (f.registered_year) {
    w += " AND e.registered_on >= ? AND e.registered_on <= ?";
    p.emplace_back(std::to_string(*f.registered_year) + "-01-01");
    p.emplace_back(std::to_string(*f.registered_year) + "-12-31");
  }
  return w;
}

template <typename T, typename Fn>
Result<Page<T>> RunPage(storage::Connection& conn, const std::string& select,
                        const std::string& from_where, Params params, const std::string& order,
                        const PageRequest& page, Fn convert) {
  Page<T> out = EmptyPage<T>(page);
  ASSIGN_OR_RETURN(auto count, conn.Query("SELECT COUNT(*) " + from_where, params));
  out.total = count.at(0).Int(0);
  params.emplace_back(int64_t{page.page_size});
  params.emplace_back(page.offset());
  ASSIGN_OR_RETURN(auto rows, conn.Query(select + from_where.substr(from_where.find(" WHERE")) +
                                             order + " LIMIT ? OFFSET ?",
                                         params));
  for (const auto& r : rows) out.items.push_back(convert(r));
  return out;
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

constexpr const char* kBrandSelect =
    "SELECT b.id, b.entity_id, b.name, b.trademark_no, b.categories, b.regional_brand, e.name, "
    "e.region_code FROM brands b JOIN entities e ON e.id = b.entity_id ";

BrandRow ToBrandRow(const Row& r) {
  BrandRow out;
  out.brand = {r.Int(0), r.Int(1), r.Text(2), r.Text(3), SplitCategories(r.Text(4)), r.Int(5) != 0};
  out.entity_name = r.Text(6);
  if (auto code = RegionCode::Parse(r.Text(7)); code.ok()) out.region = *code;
  return out;
}

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
  Params p;
  std::string where = EntityWhere(f, p);
  ASSIGN_OR_RETURN(auto out, RunPage<EntityRow>(conn, kEntitySelect, "FROM entities e" + where, p,
                                                order, page, ToEntityRow));
  RETURN_IF_ERROR(NameRegions(conn, out.items));
  return out;
}

Result<EntityRow> GetEntity(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(kEntitySelect) + "WHERE e.id = ?", {id}));
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
    if (contact != e.contact_name) s.Add("contact_name", "contact_name", OptText(contact));
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
  return RunPage<Shop>(
      conn, "SELECT id, entity_id, platform, shop_name, shop_ref FROM entity_shops",
      "FROM entity_shops WHERE entity_id = ?", {entity_id}, order, page, [](const Row& r) {
        return Shop{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4)};
      });
}

Result<Shop> GetShop(storage::Connection& conn, int64_t entity_id, int64_t shop_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, entity_id, platform, shop_name, shop_ref "
                                         "FROM entity_shops WHERE id = ? AND entity_id = ?",
                                         {shop_id, entity_id}));
  if (rows.empty()) return Error::NotFound("网店不存在");
  const Row& r = rows[0];
  return Shop{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4)};
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
  Params p{Prefix(f.region)};
  std::string w = " WHERE e.region_code LIKE ?";
  if (f.entity_id) {
    w += " AND b.entity_id = ?";
    p.emplace_back(*f.entity_id);
  }
  if (!f.q.empty()) {
    w += " AND (b.name LIKE ? ESCAPE '\\' OR b.trademark_no LIKE ? ESCAPE '\\')";
    p.emplace_back("%" + Escaped(f.q) + "%");
    p.emplace_back(Escaped(f.q) + "%");
  }
  if (f.regional_brand) {
    w += " AND b.regional_brand = ?";
    p.emplace_back(int64_t{*f.regional_brand});
  }
  return RunPage<BrandRow>(conn, kBrandSelect,
                           "FROM brands b JOIN entities e ON e.id = "
                           "b.entity_id" +
                               w,
                           p, order, page, ToBrandRow);
}

Result<BrandRow> GetBrand(storage::Connection& conn, int64_t entity_id, int64_t brand_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query(std::string(kBrandSelect) + "WHERE b.id = ? AND b.entity_id = ?",
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
                {b.name, OptText(b.trademark_no), Categories(b.categories),
                 int64_t{b.regional_brand}, b.id}));
  return {};
}

}  // namespace ruralec::entity::queries
