// Products and grading scales: create, edit, read, list (products.h contract).
#include <algorithm>
#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/service_internal.h"
#include "region/region.h"
#include "settings/settings.h"
#include "storage/where.h"

namespace ruralec::products {
namespace internal {

Status NeedRead(const account::Principal& who) {
  if (!who.Can("products:read")) return Error::Forbidden("没有查看特色产品库的权限");
  return {};
}

std::optional<int64_t> Owner(const account::Principal& who) { return entity::OwnEntityOnly(who); }

bool Sees(const account::Principal& who, const RegionCode& region, int64_t entity_id) {
  if (auto own = Owner(who)) return *own == entity_id && *own != 0;
  return who.InScope(region);
}

bool MayWrite(const account::Principal& who, const RegionCode& region, int64_t entity_id) {
  // The same rule as reading: an entity account its own records, anyone else the region in
  // scope (reads use InScope too: a product belongs to one town or village).
  return Sees(who, region, entity_id);
}

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

std::string ActorName(const account::Principal& who) {
  return who.display_name.empty() ? who.username : who.display_name;
}

Status Name(storage::Connection& conn, std::vector<Product>& items, CivilDate today) {
  std::vector<int64_t> entities, brands, ids;
  std::vector<std::string> codes;
  for (const auto& p : items) {
    entities.push_back(p.entity_id);
    if (p.brand_id) brands.push_back(*p.brand_id);
    if (p.regional_brand_id) brands.push_back(*p.regional_brand_id);
    codes.push_back(p.region.str());
    ids.push_back(p.id);
  }
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, entities));
  ASSIGN_OR_RETURN(auto brand_names, entity::BrandNamesByIds(conn, brands));
  ASSIGN_OR_RETURN(auto regions, region::NamesOf(conn, codes));
  ASSIGN_OR_RETURN(auto certified, store::CertifiedAmong(conn, ids, today));
  for (auto& p : items) {
    if (names.contains(p.entity_id)) p.entity_name = names[p.entity_id].name;
    if (p.brand_id && brand_names.contains(*p.brand_id)) p.brand_name = brand_names[*p.brand_id];
    if (p.regional_brand_id && brand_names.contains(*p.regional_brand_id))
      p.regional_brand_name = brand_names[*p.regional_brand_id];
    if (regions.contains(p.region.str())) p.region_name = regions[p.region.str()];
    p.certified = certified.contains(p.id);
  }
  return {};
}

Result<Detail> DetailOf(storage::Connection& conn, const account::Principal& who, Product p,
                        CivilDate today) {
  Detail out;
  std::vector<Product> one = {std::move(p)};
  RETURN_IF_ERROR(Name(conn, one, today));
  out.product = std::move(one[0]);
  const Product& x = out.product;
  ASSIGN_OR_RETURN(out.certifications, store::CertificationsOf(conn, x.id, x.entity_id));
  RETURN_IF_ERROR(NameCerts(conn, out.certifications, today));
  bool valid_cert = std::any_of(out.certifications.begin(), out.certifications.end(),
                                [](const Certification& c) { return c.status == "valid"; });
  for (ChecklistItem item : ChecklistItems()) {
    if (item.code == "certification") item.suggested = valid_cert;
    if (item.code == "grade") item.suggested = !x.grade.empty();
    if (item.code == "packaging") item.suggested = !x.packaging_standard.empty();
    out.checklist.push_back(item);
  }
  ASSIGN_OR_RETURN(out.history, store::History(conn, x.id));
  for (const auto& r : AdmissionRules())
    if (r.from == x.admission && who.Can(r.permission) && MayWrite(who, x.region, x.entity_id))
      out.next.push_back(r.to);
  return out;
}

}  // namespace internal

namespace {

using internal::Text;

RegionCode CountyOf(const account::Principal& who) {
  return who.region.level() >= RegionLevel::kCounty ? who.region.county() : who.region;
}

// The category is built in or one of the county's own entries still enabled.
Status CheckCategory(storage::Connection& conn, const std::string& county, std::string& category) {
  ASSIGN_OR_RETURN(category, Text(category, "category", "产品品类", 30, false));
  for (const auto& e : BuiltinCategories())
    if (e.value == category || e.label == category) {
      category = e.value;
      return {};
    }
  ASSIGN_OR_RETURN(auto own,
                   settings::CountyEntries(conn, *RegionCode::Parse(county), kCategoryDict));
  for (const auto& e : own)
    if (!e.disabled && (e.value == category || e.label == category)) {
      category = e.value;
      return {};
    }
  return Error::Invalid("category", "未知的产品品类: " + category + "（可在字典管理中添加）");
}

Result<std::string> CheckGtin(storage::Connection& conn, const std::string& county,
                              std::string gtin, int64_t self) {
  gtin.erase(std::remove(gtin.begin(), gtin.end(), ' '), gtin.end());
  if (gtin.empty()) return std::string();
  RETURN_IF_ERROR(validate::Gtin(gtin, "gtin"));
  std::string g14 = std::string(14 - gtin.size(), '0') + gtin;
  ASSIGN_OR_RETURN(bool taken, store::GtinTaken(conn, county, g14, self));
  if (taken) return Error::Conflict("本县已有产品使用商品条码 " + g14, "gtin");
  return g14;
}

// The own brand is the producer's; the regional public brand is a brand flagged regional of an
// entity of the same county.
Status CheckBrands(storage::Connection& conn, const Product& p) {
  if (!p.brand_id && !p.regional_brand_id) return {};
  ASSIGN_OR_RETURN(auto brands, entity::BrandsIn(conn, *RegionCode::Parse(p.county_code)));
  auto find = [&](int64_t id) -> const entity::Brand* {
    for (const auto& b : brands)
      if (b.id == id) return &b;
    return nullptr;
  };
  if (p.brand_id) {
    const entity::Brand* b = find(*p.brand_id);
    if (!b || b->entity_id != p.entity_id)
      return Error::Invalid("brand_id", "品牌不存在或不属于该经营主体");
  }
  if (p.regional_brand_id) {
    const entity::Brand* b = find(*p.regional_brand_id);
    if (!b || !b->regional_brand)
      return Error::Invalid("regional_brand_id",
                            "区域公用品牌不存在（须为本县登记的区域公用品牌）");
  }
  return {};
}

Status CheckGrade(storage::Connection& conn, Product& p, const std::string& grade) {
  ASSIGN_OR_RETURN(p.grade, Text(grade, "grade", "等级", 20, true));
  if (!p.grade_scale_id) {
    if (!p.grade.empty()) return Error::Invalid("grade_scale_id", "请选择分等分级标准");
    return {};
  }
  ASSIGN_OR_RETURN(auto scale, store::GetScale(conn, *p.grade_scale_id));
  if (!scale || scale->county_code != p.county_code)
    return Error::Invalid("grade_scale_id", "分等分级标准不存在或不是本县的标准");
  if (p.grade.empty()) return Error::Invalid("grade", "请选择等级");
  if (std::find(scale->grades.begin(), scale->grades.end(), p.grade) == scale->grades.end())
    return Error::Invalid("grade", "等级“" + p.grade + "”不在“" + scale->name + "”中");
  return {};
}

// The producer the caller may act for: an entity account's own, or an entity in scope.
Result<entity::Entity> Producer(storage::Connection& conn, const account::Principal& who,
                                std::optional<int64_t> id) {
  auto own = internal::Owner(who);
  if (own && !id) id = *own;
  if (!id) return Error::Invalid("entity_id", "请选择生产经营主体");
  auto e = entity::Get(conn, *id);
  bool visible = e.ok() && (own ? *own == *id : who.InScope(e->region));
  if (!visible) return Error::Invalid("entity_id", "经营主体不存在或不在您的管辖范围内");
  return *e;
}

// Checks and normalises every editable field of `in` into `p` (county and producer set).
Status Fill(storage::Connection& conn, const account::Principal& who, const ProductInput& in,
            const entity::Entity& producer, Product& p) {
  p.region = in.region.empty() ? producer.region : in.region;
  if (p.region.level() < RegionLevel::kTown || p.region.county() != producer.region.county())
    return Error::Invalid("region_code", "产地应为经营主体所在县的乡镇或村");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, p.region));
  if (!exists) return Error::Invalid("region_code", "区划不存在: " + p.region.str());
  if (!internal::Owner(who) && !who.InScope(p.region))
    return Error::Forbidden("区划 " + p.region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(p.name, Text(in.name, "name", "产品名称", 60, false));
  p.category = in.category;
  RETURN_IF_ERROR(CheckCategory(conn, p.county_code, p.category));
  ASSIGN_OR_RETURN(p.gtin, CheckGtin(conn, p.county_code, in.gtin, p.id));
  ASSIGN_OR_RETURN(p.specs, Text(in.specs, "specs", "规格", 200, true));
  ASSIGN_OR_RETURN(p.packaging_standard,
                   Text(in.packaging_standard, "packaging_standard", "包装标准", 200, true));
  p.brand_id = in.brand_id;
  p.regional_brand_id = in.regional_brand_id;
  RETURN_IF_ERROR(CheckBrands(conn, p));
  p.grade_scale_id = in.grade_scale_id;
  return CheckGrade(conn, p, in.grade);
}

std::string AuditText(const Product& p) {
  return "name=" + p.name + " entity=" + std::to_string(p.entity_id) + " region=" + p.region.str() +
         " category=" + p.category + (p.gtin.empty() ? "" : " gtin=" + p.gtin) +
         (p.grade.empty() ? "" : " grade=" + p.grade);
}

}  // namespace

Result<Product> VisibleProduct(storage::Connection& conn, const account::Principal& who,
                               int64_t id) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  ASSIGN_OR_RETURN(auto p, store::GetProduct(conn, id));
  if (!p || !internal::Sees(who, p->region, p->entity_id))
    return Error::NotFound("产品不存在或不在您的管辖范围内");
  return *p;
}

Result<std::string> ProductFileAccess(storage::Connection& conn, const account::Principal& who,
                                      int64_t id, bool write) {
  ASSIGN_OR_RETURN(Product p, VisibleProduct(conn, who, id));
  if (write) {
    if (!who.Can("products:edit") || !internal::MayWrite(who, p.region, p.entity_id))
      return Error::Forbidden("没有为该产品上传照片的权限");
    if (p.admission == Admission::kRemoved)
      return Error::Conflict("产品已移出产品库，不能再上传照片", "file");
  }
  return p.county_code;
}

Result<Detail> Create(const Deps& d, const account::Principal& who, ProductInput in) {
  if (!who.Can("products:edit")) return Error::Forbidden("没有登记特色产品的权限");
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  return storage::InTransaction<Detail>(*conn, storage::TxMode::kWrite, [&]() -> Result<Detail> {
    ASSIGN_OR_RETURN(entity::Entity producer, Producer(*conn, who, in.entity_id));
    Product p;
    p.county_code = producer.region.county().str();
    p.entity_id = producer.id;
    RETURN_IF_ERROR(Fill(*conn, who, in, producer, p));
    ASSIGN_OR_RETURN(p.id, store::InsertProduct(*conn, p, account::StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, account::AuditOf(who, "products.create", "product", p.id, AuditText(p))));
    ASSIGN_OR_RETURN(auto stored, store::GetProduct(*conn, p.id));
    return internal::DetailOf(*conn, who, *stored, today);
  });
}

Result<Detail> Update(const Deps& d, const account::Principal& who, int64_t id, ProductInput in) {
  if (!who.Can("products:edit")) return Error::Forbidden("没有修改特色产品的权限");
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  return storage::InTransaction<Detail>(*conn, storage::TxMode::kWrite, [&]() -> Result<Detail> {
    ASSIGN_OR_RETURN(Product p, VisibleProduct(*conn, who, id));
    if (!internal::MayWrite(who, p.region, p.entity_id))
      return Error::Forbidden("该产品不在您的管辖范围内");
    if (p.admission == Admission::kRemoved)
      return Error::Conflict("产品已移出产品库，不能再修改", "admission");
    if (in.entity_id && *in.entity_id != p.entity_id)
      return Error::Invalid("entity_id", "产品的生产经营主体不能更改（请另行登记产品）");
    ASSIGN_OR_RETURN(entity::Entity producer, entity::Get(*conn, p.entity_id));
    RETURN_IF_ERROR(Fill(*conn, who, in, producer, p));
    RETURN_IF_ERROR(store::UpdateProduct(*conn, p, d.clock.NowMs()));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, account::AuditOf(who, "products.update", "product", p.id, AuditText(p))));
    ASSIGN_OR_RETURN(auto stored, store::GetProduct(*conn, p.id));
    return internal::DetailOf(*conn, who, *stored, today);
  });
}

Result<Detail> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Product p, VisibleProduct(*conn, who, id));
  return internal::DetailOf(*conn, who, p, ShanghaiDate(d.clock.NowMs()));
}

Result<Page<Product>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  ASSIGN_OR_RETURN(Page<Product> out,
                   store::ListProducts(*conn, f, internal::Owner(who), today, page));
  RETURN_IF_ERROR(internal::Name(*conn, out.items, today));
  return out;
}

Result<GradeScale> CreateScale(const Deps& d, const account::Principal& who, GradeScaleInput in) {
  if (!who.Can("products:review")) return Error::Forbidden("没有制定分等分级标准的权限");
  if (in.county.empty()) in.county = who.region;
  if (in.county.level() != RegionLevel::kCounty || who.region.level() != RegionLevel::kCounty ||
      !who.InScope(in.county))
    return Error::Forbidden("分等分级标准由县级工作人员为本县制定");
  GradeScale s;
  s.county_code = in.county.str();
  ASSIGN_OR_RETURN(s.name, Text(in.name, "name", "标准名称", 60, false));
  ASSIGN_OR_RETURN(s.note, Text(in.note, "note", "说明", 500, true));
  if (in.grades.empty() || in.grades.size() > 10)
    return Error::Invalid("grades", "请按从高到低填写 1 至 10 个等级");
  std::set<std::string> seen;
  for (const auto& g : in.grades) {
    ASSIGN_OR_RETURN(std::string x, Text(g, "grades", "等级", 20, false));
    if (x.find(',') != std::string::npos) return Error::Invalid("grades", "等级名称不能含逗号");
    if (!seen.insert(x).second) return Error::Invalid("grades", "等级重复: " + x);
    s.grades.push_back(x);
  }
  auto conn = d.db.Acquire();
  return storage::InTransaction<GradeScale>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<GradeScale> {
        ASSIGN_OR_RETURN(auto same, store::FindScale(*conn, s.county_code, s.name));
        if (same) return Error::Conflict("本县已有同名的分等分级标准", "name");
        ASSIGN_OR_RETURN(s.id,
                         store::InsertScale(*conn, s, account::StampOf(who, d.clock.NowMs())));
        s.created_at = d.clock.NowMs();
        RETURN_IF_ERROR(d.audit.Append(
            *conn,
            account::AuditOf(who, "products.scale.create", "product_grade_scale", s.id,
                             "name=" + s.name + " grades=" + storage::JoinedList(s.grades))));
        return s;
      });
}

Result<Page<GradeScale>> ListScales(const Deps& d, const account::Principal& who,
                                    const PageRequest& page) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  auto conn = d.db.Acquire();
  return store::ListScales(*conn, CountyOf(who), page);
}

}  // namespace ruralec::products
