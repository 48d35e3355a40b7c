// Shops and brands of an entity, and the brand list across the entities in scope.
#include "entity/api/routes_internal.h"

namespace ruralec::entity::api {
namespace {

Status MergeShop(const Json& body, entity::Shop& s) {
  ASSIGN_OR_RETURN(auto platform, http::OptionalString(body, "platform"));
  ASSIGN_OR_RETURN(auto name, http::OptionalString(body, "shop_name"));
  ASSIGN_OR_RETURN(auto ref, http::OptionalString(body, "shop_ref"));
  if (platform) s.platform = *platform;
  if (name) s.shop_name = *name;
  if (ref) s.shop_ref = *ref;
  if (s.platform.empty()) return Error::Invalid("platform", "平台不能为空");
  if (s.shop_ref.empty()) return Error::Invalid("shop_ref", "网店ID或网址不能为空");
  if (s.platform.size() > 100) return Error::Invalid("platform", "平台名称过长");
  if (s.shop_name.size() > 200) return Error::Invalid("shop_name", "网店名称过长");
  if (s.shop_ref.size() > 500) return Error::Invalid("shop_ref", "网店ID或网址过长");
  return {};
}

Status MergeBrand(const Json& body, entity::Brand& b) {
  ASSIGN_OR_RETURN(auto name, http::OptionalString(body, "name"));
  ASSIGN_OR_RETURN(auto tm, http::OptionalString(body, "trademark_no"));
  ASSIGN_OR_RETURN(auto regional, BodyOptBool(body, "regional_brand"));
  if (name) b.name = *name;
  if (tm) b.trademark_no = *tm;
  if (regional) b.regional_brand = *regional;
  if (body.contains("categories") && !body["categories"].is_null()) {
    ASSIGN_OR_RETURN(b.categories, http::StringArray(body, "categories"));
  }
  if (b.name.empty()) return Error::Invalid("name", "品牌名称不能为空");
  if (b.name.size() > 200) return Error::Invalid("name", "品牌名称过长");
  if (b.trademark_no.size() > 50) return Error::Invalid("trademark_no", "商标注册号过长");
  return {};
}

// Runs `fn` in a write transaction after checking the path's entity is visible.
Result<Json> WithEntity(const Deps& d, Request& req,
                        const std::function<Result<Json>(storage::Connection&, int64_t)>& fn) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(auto row, VisibleEntity(*conn, req, id));
    return fn(*conn, id);
  });
}

Result<Json> ListShops(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto row, VisibleEntity(*conn, req, id));
  ASSIGN_OR_RETURN(auto p, queries::ListShops(*conn, id, page));
  return http::PageJson(p, page, ShopJson);
}

Result<Json> AddShop(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  return WithEntity(d, req, [&](storage::Connection& c, int64_t id) -> Result<Json> {
    entity::Shop s{0, id, "", "", ""};
    RETURN_IF_ERROR(MergeShop(body, s));
    ASSIGN_OR_RETURN(s.id, entity::AddShop(c, s, d.clock.NowMs()));
    RETURN_IF_ERROR(
        d.audit.Append(c, AuditEntry(req, "entity.shop.create", "entity", id,
                                     "shop=" + std::to_string(s.id) + " platform=" + s.platform)));
    ASSIGN_OR_RETURN(auto saved, queries::GetShop(c, id, s.id));
    reply.status = 201;
    return ShopJson(saved);
  });
}

Result<Json> UpdateShop(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(int64_t sid, PathId(req, 2, "shop_id"));
  return WithEntity(d, req, [&](storage::Connection& c, int64_t id) -> Result<Json> {
    ASSIGN_OR_RETURN(entity::Shop s, queries::GetShop(c, id, sid));
    RETURN_IF_ERROR(MergeShop(body, s));
    RETURN_IF_ERROR(queries::UpdateShop(c, s));
    RETURN_IF_ERROR(d.audit.Append(
        c, AuditEntry(req, "entity.shop.update", "entity", id, "shop=" + std::to_string(sid))));
    ASSIGN_OR_RETURN(auto saved, queries::GetShop(c, id, sid));
    return ShopJson(saved);
  });
}

Json BrandPage(const Page<queries::BrandRow>& p, const PageRequest& page) {
  return http::PageJson(p, page, BrandJson);
}

Result<Json> ListEntityBrands(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto row, VisibleEntity(*conn, req, id));
  queries::BrandFilter f;
  f.region = row.entity.region;
  f.entity_id = id;
  ASSIGN_OR_RETURN(auto p, queries::ListBrands(*conn, f, page));
  return BrandPage(p, page);
}

Result<Json> ListBrands(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  queries::BrandFilter f;
  ASSIGN_OR_RETURN(f.region, ScopedRegion(req));
  if (auto own = OwnEntityOnly(req.principal())) f.entity_id = *own;
  f.q = req.Query("q");
  ASSIGN_OR_RETURN(f.regional_brand, QueryOptBool(req, "regional_brand"));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListBrands(*conn, f, page));
  return BrandPage(p, page);
}

Result<Json> AddBrand(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  return WithEntity(d, req, [&](storage::Connection& c, int64_t id) -> Result<Json> {
    entity::Brand b{0, id, "", "", {}, false};
    RETURN_IF_ERROR(MergeBrand(body, b));
    ASSIGN_OR_RETURN(b.id, entity::AddBrand(c, b, d.clock.NowMs()));
    RETURN_IF_ERROR(d.audit.Append(
        c, AuditEntry(req, "entity.brand.create", "entity", id, "brand=" + std::to_string(b.id))));
    ASSIGN_OR_RETURN(auto saved, queries::GetBrand(c, id, b.id));
    reply.status = 201;
    return BrandJson(saved);
  });
}

Result<Json> UpdateBrand(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(int64_t bid, PathId(req, 2, "brand_id"));
  return WithEntity(d, req, [&](storage::Connection& c, int64_t id) -> Result<Json> {
    ASSIGN_OR_RETURN(auto cur, queries::GetBrand(c, id, bid));
    entity::Brand b = cur.brand;
    RETURN_IF_ERROR(MergeBrand(body, b));
    RETURN_IF_ERROR(queries::UpdateBrand(c, b));
    RETURN_IF_ERROR(d.audit.Append(
        c, AuditEntry(req, "entity.brand.update", "entity", id, "brand=" + std::to_string(bid))));
    ASSIGN_OR_RETURN(auto saved, queries::GetBrand(c, id, bid));
    return BrandJson(saved);
  });
}

}  // namespace

void RegisterShopBrandRoutes(http::Server& s, const Deps& d) {
  const http::Route read{.permission = "entity:read"};
  const http::Route edit{.permission = "entity:edit"};
  const std::string one = R"(/entities/(\d+))";
  s.Get(one + "/shops", read, [d](Request& req, Reply&) { return ListShops(d, req); });
  s.Post(one + "/shops", edit, [d](Request& req, Reply& r) { return AddShop(d, req, r); });
  s.Put(one + R"(/shops/(\d+))", edit, [d](Request& req, Reply&) { return UpdateShop(d, req); });
  s.Get(one + "/brands", read, [d](Request& req, Reply&) { return ListEntityBrands(d, req); });
  s.Post(one + "/brands", edit, [d](Request& req, Reply& r) { return AddBrand(d, req, r); });
  s.Put(one + R"(/brands/(\d+))", edit, [d](Request& req, Reply&) { return UpdateBrand(d, req); });
  s.Get("/brands", read, [d](Request& req, Reply&) { return ListBrands(d, req); });
}

}  // namespace ruralec::entity::api
