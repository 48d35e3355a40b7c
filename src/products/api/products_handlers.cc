#include "products/api/products_handlers.h"

#include "attachments/api/file_routes.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::products::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Json ProductJson(const Product& p) {
  return {{"id", p.id},
          {"county_code", p.county_code},
          {"region_code", p.region.str()},
          {"region_name", p.region_name},
          {"entity_id", p.entity_id},
          {"entity_name", p.entity_name},
          {"name", p.name},
          {"category", p.category},
          {"brand_id", http::OptIntJson(p.brand_id)},
          {"brand_name", p.brand_name},
          {"regional_brand_id", http::OptIntJson(p.regional_brand_id)},
          {"regional_brand_name", p.regional_brand_name},
          {"gtin", p.gtin},
          {"specs", p.specs},
          {"packaging_standard", p.packaging_standard},
          {"grade_scale_id", http::OptIntJson(p.grade_scale_id)},
          {"grade_scale_name", p.grade_scale_name},
          {"grade", p.grade},
          {"admission", AdmissionName(p.admission)},
          {"admission_label", AdmissionLabel(p.admission)},
          {"admission_on", OptDate(p.admission_on)},
          {"certified", p.certified},
          {"created_at", http::TimeJson(p.created_at)},
          {"updated_at", http::TimeJson(p.updated_at)}};
}

Json CertJson(const Certification& c) {
  return {{"id", c.id},
          {"county_code", c.county_code},
          {"region_code", c.region.str()},
          {"product_id", http::OptIntJson(c.product_id)},
          {"product_name", c.product_name},
          {"entity_id", c.entity_id},
          {"entity_name", c.entity_name},
          {"kind", c.kind},
          {"kind_label", c.kind_label},
          {"number", c.number},
          {"issuer", c.issuer},
          {"valid_from", c.valid_from.ToString()},
          {"valid_to", c.valid_to.ToString()},
          {"status", c.status},
          {"days_left", c.days_left},
          {"note", c.note},
          {"updated_at", http::TimeJson(c.updated_at)}};
}

Json ScaleJson(const GradeScale& s) {
  return {{"id", s.id},     {"county_code", s.county_code},
          {"name", s.name}, {"grades", s.grades},
          {"note", s.note}, {"created_at", http::TimeJson(s.created_at)}};
}

Json MoveJson(const AdmissionMove& m) {
  return {{"id", m.id},
          {"seq", m.seq},
          {"from", AdmissionName(m.from)},
          {"to", AdmissionName(m.to)},
          {"to_label", AdmissionLabel(m.to)},
          {"on", m.on.ToString()},
          {"idempotency_key", m.idempotency_key},
          {"note", m.note},
          {"checklist", m.checklist},
          {"actor_id", http::OptIntJson(m.actor_id)},
          {"actor_name", m.actor_name},
          {"created_at", http::TimeJson(m.created_at)},
          {"repeated", m.repeated}};
}

Json DetailJson(const Detail& d) {
  Json out = ProductJson(d.product);
  Json certs = Json::array();
  for (const auto& c : d.certifications) certs.push_back(CertJson(c));
  out["certifications"] = certs;
  Json checklist = Json::array();
  for (const auto& i : d.checklist)
    checklist.push_back({{"code", i.code}, {"label", i.label}, {"suggested", i.suggested}});
  out["checklist"] = checklist;
  Json history = Json::array();
  for (const auto& m : d.history) history.push_back(MoveJson(m));
  out["history"] = history;
  Json next = Json::array();
  for (Admission a : d.next)
    next.push_back({{"to", AdmissionName(a)}, {"label", AdmissionLabel(a)}});
  out["next"] = next;
  return out;
}

std::string OptText(const Json& body, const std::string& field, Status& st) {
  auto v = http::OptionalString(body, field);
  if (!v.ok()) {
    st = v.take_error();
    return "";
  }
  return v->value_or("");
}

Result<ProductInput> InputFrom(const Json& body, bool create) {
  ProductInput in;
  ASSIGN_OR_RETURN(auto region, http::OptionalString(body, "region_code"));
  if (region && !region->empty()) {
    auto code = RegionCode::Parse(*region);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + *region);
    in.region = *code;
  }
  ASSIGN_OR_RETURN(in.entity_id, http::BodyOptInt(body, "entity_id"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(in.category, http::RequiredString(body, "category"));
  Status st;
  in.gtin = OptText(body, "gtin", st);
  in.specs = OptText(body, "specs", st);
  in.packaging_standard = OptText(body, "packaging_standard", st);
  in.grade = OptText(body, "grade", st);
  RETURN_IF_ERROR(st);
  ASSIGN_OR_RETURN(in.brand_id, http::BodyOptInt(body, "brand_id"));
  ASSIGN_OR_RETURN(in.regional_brand_id, http::BodyOptInt(body, "regional_brand_id"));
  ASSIGN_OR_RETURN(in.grade_scale_id, http::BodyOptInt(body, "grade_scale_id"));
  (void)create;
  return in;
}

Result<CertificationInput> CertFrom(const Json& body) {
  CertificationInput in;
  ASSIGN_OR_RETURN(in.product_id, http::BodyOptInt(body, "product_id"));
  ASSIGN_OR_RETURN(in.entity_id, http::BodyOptInt(body, "entity_id"));
  ASSIGN_OR_RETURN(in.kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(in.number, http::RequiredString(body, "number"));
  ASSIGN_OR_RETURN(in.issuer, http::RequiredString(body, "issuer"));
  Status st;
  in.note = OptText(body, "note", st);
  RETURN_IF_ERROR(st);
  ASSIGN_OR_RETURN(in.valid_from, http::BodyOptDate(body, "valid_from"));
  ASSIGN_OR_RETURN(in.valid_to, http::BodyOptDate(body, "valid_to"));
  return in;
}

Result<AdmissionCommand> CommandFrom(const Json& body) {
  AdmissionCommand c;
  ASSIGN_OR_RETURN(std::string to, http::RequiredString(body, "to"));
  auto a = ParseAdmission(to);
  if (!a.ok()) return Error::Invalid("to", "未知的准入状态: " + to);
  c.to = *a;
  ASSIGN_OR_RETURN(c.idempotency_key, http::RequiredString(body, "idempotency_key"));
  ASSIGN_OR_RETURN(c.on, http::BodyOptDate(body, "on"));
  Status st;
  c.note = OptText(body, "note", st);
  RETURN_IF_ERROR(st);
  if (body.contains("checklist") && !body["checklist"].is_null()) {
    ASSIGN_OR_RETURN(c.checklist, http::StringArray(body, "checklist"));
  }
  return c;
}

Result<Filter> FilterFrom(const Request& req, const RegionCode& scope) {
  Filter f;
  f.region = scope;
  f.q = req.Query("q");
  f.category = req.Query("category");
  ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
  if (std::string s = req.Query("admission"); !s.empty()) {
    auto a = ParseAdmission(s);
    if (!a.ok()) return Error::Invalid("admission", "未知的准入状态: " + s);
    f.admission = *a;
  }
  ASSIGN_OR_RETURN(f.certified, http::QueryOptBool(req, "certified"));
  return f;
}

Result<CertFilter> CertFilterFrom(const Request& req, const RegionCode& scope) {
  CertFilter f;
  f.region = scope;
  ASSIGN_OR_RETURN(f.product_id, http::QueryOptInt(req, "product_id"));
  ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
  f.kind = req.Query("kind");
  if (!f.kind.empty()) {
    const Entry* k = FindCertificationKind(f.kind);
    if (!k) return Error::Invalid("kind", "未知的认证类别: " + f.kind);
    f.kind = k->value;
  }
  f.status = req.Query("status");
  return f;
}

void RegisterCertRoutes(http::Server& s, const Deps& d) {
  s.Get("/products/certifications", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"id", "valid_to"}));
          ASSIGN_OR_RETURN(CertFilter f, CertFilterFrom(req, lp.scope));
          ASSIGN_OR_RETURN(auto page, ListCertifications(d, req.principal(), f, lp.page));
          return http::PageJson(page, lp.page, CertJson);
        });
  s.Get("/products/certifications/expiring", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"valid_to"}));
          ASSIGN_OR_RETURN(CertFilter f, CertFilterFrom(req, lp.scope));
          ASSIGN_OR_RETURN(int64_t days, req.QueryInt("days", 60));
          if (days < 0 || days > 366) return Error::Invalid("days", "天数应在 0 到 366 之间");
          f.expiring = static_cast<int>(days);
          ASSIGN_OR_RETURN(auto page, ListCertifications(d, req.principal(), f, lp.page));
          Json out = http::PageJson(page, lp.page, CertJson);
          out["days"] = days;
          return out;
        });
  s.Post("/products/certifications", {true, "products:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(CertificationInput in, CertFrom(body));
           ASSIGN_OR_RETURN(Certification c, AddCertification(d, req.principal(), in));
           reply.status = 201;
           return CertJson(c);
         });
  s.Put(R"(/products/certifications/(\d+))", {true, "products:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(CertificationInput in, CertFrom(body));
          in.product_id.reset();
          in.entity_id.reset();
          ASSIGN_OR_RETURN(Certification c, UpdateCertification(d, req.principal(), id, in));
          return CertJson(c);
        });
}

void RegisterScaleRoutes(http::Server& s, const Deps& d) {
  s.Get("/products/grade-scales", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"id", "name"}));
          ASSIGN_OR_RETURN(auto page, ListScales(d, req.principal(), lp.page));
          return http::PageJson(page, lp.page, ScaleJson);
        });
  s.Post("/products/grade-scales", {true, "products:review"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           GradeScaleInput in;
           ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
           ASSIGN_OR_RETURN(in.grades, http::StringArray(body, "grades"));
           ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
           in.note = note.value_or("");
           ASSIGN_OR_RETURN(GradeScale sc, CreateScale(d, req.principal(), in));
           reply.status = 201;
           return ScaleJson(sc);
         });
}

// Photos of a product and the scan of a certificate (attachments, docs/ATTACHMENTS.md).
void RegisterFileRoutes(http::Server& s, const Deps& d) {
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/products",
                              "products",
                              "product",
                              "products:read",
                              "products:edit",
                              {{"photo", "产品照片", attachments::ImagesOnly(), 10},
                               {"packaging", "包装照片", attachments::ImagesOnly(), 10}},
                              ProductFileAccess,
                              "product",
                              "products.file"});
  attachments::api::Register(s, d.db, d.audit, d.clock,
                             {"/products/certifications",
                              "products",
                              "product_certification",
                              "products:read",
                              "products:edit",
                              {{"certificate", "证书扫描件", {}, 5}},
                              CertificateFileAccess,
                              "product_certification",
                              "products.cert.file"});
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterCertRoutes(s, d);
  RegisterScaleRoutes(s, d);
  RegisterFileRoutes(s, d);
  s.Get("/products", {true, "products:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"id", "name", "updated_at"}));
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req, lp.scope));
    ASSIGN_OR_RETURN(Page<Product> p, List(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, ProductJson);
  });
  s.Get(R"(/products/(\d+))", {true, "products:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Detail detail, Get(d, req.principal(), id));
    return DetailJson(detail);
  });
  s.Post("/products", {true, "products:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(ProductInput in, InputFrom(body, true));
    ASSIGN_OR_RETURN(Detail detail, Create(d, req.principal(), in));
    reply.status = 201;
    return DetailJson(detail);
  });
  s.Put(R"(/products/(\d+))", {true, "products:edit"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(ProductInput in, InputFrom(body, false));
    ASSIGN_OR_RETURN(Detail detail, Update(d, req.principal(), id, in));
    return DetailJson(detail);
  });
  s.Post(R"(/products/(\d+)/admission)", {true, ""},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AdmissionCommand c, CommandFrom(body));
           ASSIGN_OR_RETURN(auto out, Apply(d, req.principal(), id, c));
           reply.status = out.first.repeated ? 200 : 201;
           Json j = DetailJson(out.second);
           j["transition"] = MoveJson(out.first);
           return j;
         });
}

}  // namespace ruralec::products::api
