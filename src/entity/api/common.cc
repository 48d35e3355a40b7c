#include "entity/api/entity_handlers.h"
#include "entity/api/routes_internal.h"

namespace ruralec::entity::api {

Result<queries::EntityRow> VisibleEntity(storage::Connection& conn, const Request& req,
                                         int64_t id) {
  auto own = OwnEntityOnly(req.principal());
  auto row = queries::GetEntity(conn, id);
  if (!row.ok() || !req.principal().InScope(row->entity.region) || (own && *own != id))
    return Error::NotFound("经营主体 " + std::to_string(id) + " 不存在");
  return row;
}

Json EntityJson(const queries::EntityRow& r) {
  const Entity& e = r.entity;
  return {{"id", e.id},
          {"uscc", e.uscc},
          {"name", e.name},
          {"kind", KindName(e.kind)},
          {"kind_label", KindLabel(e.kind)},
          {"region_code", e.region.str()},
          {"region_name", r.region_name},
          {"registered_on", e.registered_on ? Json(e.registered_on->ToString()) : Json(nullptr)},
          {"contact_name", e.contact_name},
          {"mobile_masked", e.mobile_masked ? Json(*e.mobile_masked) : Json(nullptr)},
          {"linkage",
           {{"model", e.linkage.model},
            {"contract_farming", e.linkage.contract_farming},
            {"employs_poor", e.linkage.employs_poor}}},
          {"lat", e.point ? Json(FormatDegrees(e.point->lat_e6)) : Json(nullptr)},
          {"lng", e.point ? Json(FormatDegrees(e.point->lng_e6)) : Json(nullptr)},
          {"shop_count", r.shop_count},
          {"brand_count", r.brand_count},
          {"created_at", http::TimeJson(e.created_at)},
          {"updated_at", http::TimeJson(r.updated_at)}};
}

Json ShopJson(const Shop& s) {
  return {{"id", s.id},
          {"entity_id", s.entity_id},
          {"platform", s.platform},
          {"shop_name", s.shop_name},
          {"shop_ref", s.shop_ref}};
}

Json BrandJson(const queries::BrandRow& r) {
  const Brand& b = r.brand;
  return {{"id", b.id},
          {"entity_id", b.entity_id},
          {"entity_name", r.entity_name},
          {"region_code", r.region.str()},
          {"name", b.name},
          {"trademark_no", b.trademark_no},
          {"categories", b.categories},
          {"regional_brand", b.regional_brand}};
}

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const crypto::FieldCipher& cipher) {
  Deps d{db, audit, clock, cipher};
  RegisterEntityRoutes(server, d);
  RegisterImportRoutes(server, d);
}

}  // namespace ruralec::entity::api
