// Entities, their shops and brands; the brand list across entities.
#include "entity/api/extensions.h"
#include "entity/api/routes_internal.h"
#include "http/query_ids.h"

namespace ruralec::entity::api {
namespace {

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

Result<std::optional<CivilDate>> BodyOptDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto text, http::OptionalString(body, field));
  if (!text || text->empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(*text, field));
  return std::optional<CivilDate>(d);
}

// "lat"/"lng": a JSON number or a decimal string; null, "" or absent = none.
Result<std::string> DegreesText(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return Error::Invalid(field, (field == "lat" ? "纬度" : "经度") + std::string("应为数字"));
}

Result<std::optional<entity::Point>> BodyPoint(const Json& body) {
  ASSIGN_OR_RETURN(std::string lat, DegreesText(body, "lat"));
  ASSIGN_OR_RETURN(std::string lng, DegreesText(body, "lng"));
  return entity::ParsePoint(lat, lng);
}

Result<RegionCode> BodyRegion(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string text, http::RequiredString(body, field));
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return Error::Invalid(field, "区划代码无效: " + text);
  return *code;
}

Status ReadLinkage(const Json& body, std::optional<bool>& model, std::optional<bool>& contract,
                   std::optional<bool>& poor) {
  if (!body.contains("linkage") || body["linkage"].is_null()) return {};
  const Json& l = body["linkage"];
  if (!l.is_object()) return Error::Invalid("linkage", "linkage 应为对象");
  auto field = [&](const char* k, std::optional<bool>& out) -> Status {
    auto v = BodyOptBool(l, k);
    if (!v.ok()) return Error::Invalid(std::string("linkage.") + k, "应为 true 或 false");
    out = *v;
    return {};
  };
  RETURN_IF_ERROR(field("model", model));
  RETURN_IF_ERROR(field("contract_farming", contract));
  return field("employs_poor", poor);
}

Result<entity::NewEntity> NewEntityFrom(const Json& body) {
  entity::NewEntity e;
  ASSIGN_OR_RETURN(e.uscc, http::RequiredString(body, "uscc"));
  ASSIGN_OR_RETURN(e.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(e.kind, entity::ParseKind(kind, "kind"));
  ASSIGN_OR_RETURN(e.region, BodyRegion(body, "region_code"));
  ASSIGN_OR_RETURN(e.registered_on, BodyOptDate(body, "registered_on"));
  ASSIGN_OR_RETURN(auto contact, http::OptionalString(body, "contact_name"));
  e.contact_name = contact.value_or("");
  ASSIGN_OR_RETURN(auto mobile, http::OptionalString(body, "mobile"));
  e.mobile = mobile.value_or("");
  std::optional<bool> m, c, p;
  RETURN_IF_ERROR(ReadLinkage(body, m, c, p));
  e.linkage = {m.value_or(false), c.value_or(false), p.value_or(false)};
  ASSIGN_OR_RETURN(e.point, BodyPoint(body));
  return e;
}

Result<Json> Create(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(entity::NewEntity e, NewEntityFrom(body));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id,
                     entity::Insert(*conn, d.cipher, req.principal(), e, d.clock.NowMs()));
    RETURN_IF_ERROR(
        d.audit.Append(*conn, AuditEntry(req, "entity.create", "entity", id,
                                         "uscc=" + e.uscc + " region=" + e.region.str())));
    ASSIGN_OR_RETURN(auto row, queries::GetEntity(*conn, id));
    reply.status = 201;
    return EntityJson(row);
  });
}

Result<queries::EntityPatch> PatchFrom(const Json& body, const entity::Entity& cur) {
  queries::EntityPatch p;
  ASSIGN_OR_RETURN(auto uscc, http::OptionalString(body, "uscc"));
  if (uscc && *uscc != cur.uscc) return Error::Invalid("uscc", "统一社会信用代码不可修改");
  ASSIGN_OR_RETURN(p.name, http::OptionalString(body, "name"));
  ASSIGN_OR_RETURN(p.contact_name, http::OptionalString(body, "contact_name"));
  ASSIGN_OR_RETURN(p.mobile, http::OptionalString(body, "mobile"));
  ASSIGN_OR_RETURN(auto kind, http::OptionalString(body, "kind"));
  if (kind) {
    ASSIGN_OR_RETURN(p.kind, entity::ParseKind(*kind, "kind"));
  }
  if (body.contains("region_code")) {
    ASSIGN_OR_RETURN(p.region, BodyRegion(body, "region_code"));
  }
  if (body.contains("registered_on")) {
    ASSIGN_OR_RETURN(p.registered_on, BodyOptDate(body, "registered_on"));
  }
  RETURN_IF_ERROR(ReadLinkage(body, p.model, p.contract_farming, p.employs_poor));
  if (body.contains("lat") || body.contains("lng")) {
    ASSIGN_OR_RETURN(p.point, BodyPoint(body));
  }
  return p;
}

Result<Json> Update(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(Json body, req.Body());
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(auto cur, VisibleEntity(*conn, req, id));
    ASSIGN_OR_RETURN(queries::EntityPatch p, PatchFrom(body, cur.entity));
    if (p.region) RETURN_IF_ERROR(entity::CheckRegion(*conn, req.principal(), *p.region));
    ASSIGN_OR_RETURN(auto changed, queries::UpdateEntity(*conn, d.cipher, id, p, d.clock.NowMs()));
    if (p.region && *p.region != cur.entity.region) {
      for (const Extension& x : Extensions())
        if (x.region_moved) RETURN_IF_ERROR(x.region_moved(*conn, id, *p.region, d.clock.NowMs()));
    }
    if (!changed.empty()) {
      RETURN_IF_ERROR(d.audit.Append(
          *conn, AuditEntry(req, "entity.update", "entity", id, "changed=" + Joined(changed))));
    }
    ASSIGN_OR_RETURN(auto row, queries::GetEntity(*conn, id));
    return EntityJson(row);
  });
}

Result<Json> List(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  ASSIGN_OR_RETURN(queries::EntityFilter f, EntityFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListEntities(*conn, f, page));
  return http::PageJson(p, page, EntityJson);
}

Result<Json> Detail(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(int year, QueryYear(req, d.clock));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto row, VisibleEntity(*conn, req, id));
  Json out = EntityJson(row);
  PageRequest all;
  all.page_size = 1000;
  ASSIGN_OR_RETURN(auto shops, queries::ListShops(*conn, id, all));
  out["shops"] = Json::array();
  for (const auto& s : shops.items) out["shops"].push_back(ShopJson(s));
  queries::BrandFilter bf;
  bf.region = row.entity.region;
  bf.entity_id = id;
  ASSIGN_OR_RETURN(auto brands, queries::ListBrands(*conn, bf, all));
  out["brands"] = Json::array();
  for (const auto& b : brands.items) out["brands"].push_back(BrandJson(b));
  for (const Extension& x : Extensions())
    if (x.detail) RETURN_IF_ERROR(x.detail(*conn, id, year, out));
  return out;
}

Result<Json> RevealMobile(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(auto row, VisibleEntity(*conn, req, id));
    ASSIGN_OR_RETURN(std::string mobile, entity::RevealMobile(*conn, d.cipher, id));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditEntry(req, "pii.view", "entity.mobile", id, "viewed unmasked mobile")));
    return Json{{"mobile", mobile}};
  });
}

}  // namespace

Result<queries::EntityFilter> EntityFilterFrom(const Request& req) {
  queries::EntityFilter f;
  ASSIGN_OR_RETURN(f.region, ScopedRegion(req));
  f.id = OwnEntityOnly(req.principal());
  ASSIGN_OR_RETURN(f.ids, QueryIds(req));
  if (!req.Query("kind").empty()) {
    ASSIGN_OR_RETURN(f.kind, entity::ParseKind(req.Query("kind")));
  }
  f.q = req.Query("q");
  ASSIGN_OR_RETURN(auto year, QueryOptInt(req, "registered_year"));
  if (year && (*year < 1900 || *year > 2100))
    return Error::Invalid("registered_year", "年份应在 1900 到 2100 之间");
  if (year) f.registered_year = static_cast<int>(*year);
  if (std::string located = req.Query("located"); !located.empty()) {
    if (located != "1" && located != "0")
      return Error::Invalid("located", "located 应为 1（有坐标）或 0（无坐标）");
    f.located = located == "1";
  }
  return f;
}

void RegisterEntityRoutes(http::Server& s, const Deps& d) {
  const http::Route read{.permission = "entity:read"};
  const http::Route edit{.permission = "entity:edit"};
  const std::string one = R"(/entities/(\d+))";
  s.Get("/entities", read, [d](Request& req, Reply&) { return List(d, req); });
  s.Post("/entities", edit, [d](Request& req, Reply& reply) { return Create(d, req, reply); });
  s.Get(one, read, [d](Request& req, Reply&) { return Detail(d, req); });
  s.Put(one, edit, [d](Request& req, Reply&) { return Update(d, req); });
  s.Get(one + "/pii/mobile", read, [d](Request& req, Reply&) { return RevealMobile(d, req); });
  RegisterShopBrandRoutes(s, d);
}

}  // namespace ruralec::entity::api
