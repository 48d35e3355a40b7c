// Routes of agreements, their documents and attributed sales (agreements.h).
#include "http/list.h"
#include "http/params.h"
#include "matching/api/matching_handlers.h"

namespace ruralec::matching::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json AgreementJson(const Agreement& a) {
  Json parties = Json::array(), products = Json::array();
  for (const Party& p : a.in.parties)
    parties.push_back({{"kind", PartyKindName(p.kind)},
                       {"kind_label", PartyKindLabel(p.kind)},
                       {"name", p.name},
                       {"household_id", http::OptIntJson(p.household_id)},
                       {"entity_id", http::OptIntJson(p.entity_id)}});
  for (const AgreementProduct& p : a.in.products)
    products.push_back({{"product", p.product},
                        {"quantity", p.quantity},
                        {"unit", p.unit},
                        {"price_fen", http::OptIntJson(p.price_fen)}});
  return {{"id", a.id},
          {"entity_id", a.in.entity_id},
          {"entity_name", a.entity_name},
          {"region_code", a.region.str()},
          {"agreement_no", a.in.agreement_no},
          {"title", a.in.title},
          {"model", a.in.model},
          {"model_label", ModelLabel(a.in.model)},
          {"signed_on", a.in.signed_on.ToString()},
          {"valid_from", a.in.valid_from.ToString()},
          {"valid_to", a.in.valid_to.ToString()},
          {"note", a.in.note},
          {"parties", parties},
          {"products", products},
          {"file_count", a.file_count},
          {"attributed_fen", a.attributed_fen},
          {"created_at", http::TimeJson(a.created_at)}};
}

Json SalesJson(const AttributedSales& s) {
  return {{"id", s.id},
          {"month", s.month},
          {"amount_fen", s.amount_fen},
          {"evidence", s.evidence},
          {"created_at", http::TimeJson(s.created_at)}};
}

Result<std::vector<Party>> PartiesFrom(const Json& body) {
  std::vector<Party> out;
  if (!body.contains("parties") || !body["parties"].is_array())
    return Error::Invalid("parties", "parties 应为数组");
  for (const auto& p : body["parties"]) {
    if (!p.is_object()) return Error::Invalid("parties", "parties 的元素应为对象");
    Party x;
    ASSIGN_OR_RETURN(std::string kind, http::RequiredString(p, "kind"));
    ASSIGN_OR_RETURN(x.kind, ParsePartyKind(kind));
    ASSIGN_OR_RETURN(auto name, http::OptionalString(p, "name"));
    x.name = name.value_or("");
    ASSIGN_OR_RETURN(x.household_id, http::BodyOptInt(p, "household_id"));
    ASSIGN_OR_RETURN(x.entity_id, http::BodyOptInt(p, "entity_id"));
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<AgreementProduct>> ProductsFrom(const Json& body) {
  std::vector<AgreementProduct> out;
  if (!body.contains("products") || !body["products"].is_array())
    return Error::Invalid("products", "products 应为数组");
  for (const auto& p : body["products"]) {
    if (!p.is_object()) return Error::Invalid("products", "products 的元素应为对象");
    AgreementProduct x;
    ASSIGN_OR_RETURN(auto product, http::OptionalString(p, "product"));
    ASSIGN_OR_RETURN(auto unit, http::OptionalString(p, "unit"));
    x.product = product.value_or("");
    x.unit = unit.value_or("");
    ASSIGN_OR_RETURN(auto q, http::BodyOptInt(p, "quantity"));
    x.quantity = q.value_or(0);
    ASSIGN_OR_RETURN(x.price_fen, http::BodyOptInt(p, "price_fen"));
    out.push_back(std::move(x));
  }
  return out;
}

Result<AgreementInput> AgreementFrom(const Json& body) {
  AgreementInput in;
  ASSIGN_OR_RETURN(auto entity, http::BodyOptInt(body, "entity_id"));
  in.entity_id = entity.value_or(0);
  ASSIGN_OR_RETURN(in.agreement_no, http::RequiredString(body, "agreement_no"));
  ASSIGN_OR_RETURN(in.title, http::RequiredString(body, "title"));
  ASSIGN_OR_RETURN(in.model, http::RequiredString(body, "model"));
  ASSIGN_OR_RETURN(in.signed_on, RequiredDate(body, "signed_on"));
  ASSIGN_OR_RETURN(in.valid_from, RequiredDate(body, "valid_from"));
  ASSIGN_OR_RETURN(in.valid_to, RequiredDate(body, "valid_to"));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.note = note.value_or("");
  ASSIGN_OR_RETURN(in.parties, PartiesFrom(body));
  ASSIGN_OR_RETURN(in.products, ProductsFrom(body));
  return in;
}

Result<AgreementFilter> FilterFrom(const Request& req, const http::ListParams& lp) {
  AgreementFilter f;
  f.region = lp.scope;
  ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
  f.model = req.Query("model");
  if (std::string on = req.Query("active_on"); !on.empty()) {
    ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(on, "active_on"));
    f.active_on = d;
  }
  return f;
}

}  // namespace

void RegisterAgreementRoutes(http::Server& s, const Deps& d) {
  s.Get("/matching/agreements", {true, "agreement:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {}));
          ASSIGN_OR_RETURN(AgreementFilter f, FilterFrom(req, lp));
          ASSIGN_OR_RETURN(auto p, ListAgreements(d, req.principal(), f, lp.page));
          return http::PageJson(p, lp.page, AgreementJson);
        });
  s.Post("/matching/agreements", {true, "agreement:edit"},
         [d](Request& req, Reply& r) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AgreementInput in, AgreementFrom(body));
           ASSIGN_OR_RETURN(Agreement a, CreateAgreement(d, req.principal(), in));
           r.status = 201;
           return AgreementJson(a);
         });
  s.Get(R"(/matching/agreements/(\d+))", {true, "agreement:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Agreement a, GetAgreement(d, req.principal(), id));
          ASSIGN_OR_RETURN(auto files, AgreementFiles(d, req.principal(), id));
          ASSIGN_OR_RETURN(auto sales, SalesOf(d, req.principal(), id));
          Json out = AgreementJson(a);
          out["files"] = Json::array();
          for (const auto& f : files) out["files"].push_back(FileJson(f));
          out["sales"] = Json::array();
          for (const auto& x : sales) out["sales"].push_back(SalesJson(x));
          return out;
        });
  s.Put(R"(/matching/agreements/(\d+))", {true, "agreement:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(AgreementInput in, AgreementFrom(body));
          ASSIGN_OR_RETURN(std::string reason, ReasonFrom(body));
          ASSIGN_OR_RETURN(auto done, UpdateAgreement(d, req.principal(), id, in, reason));
          Json out = AgreementJson(done.value);
          out["edit"] = EditJson(done.edit);
          return out;
        });
  s.Get(R"(/matching/agreements/(\d+)/history)", {true, "agreement:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto p, AgreementHistory(d, req.principal(), id, page));
          return http::PageJson(p, page, [](const Edit& e) { return EditJson(e); });
        });
  s.Post(R"(/matching/agreements/(\d+)/files)", {true, "agreement:edit"},
         [d](Request& req, Reply& r) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(auto file, UploadedFile(req));
           ASSIGN_OR_RETURN(File f,
                            AddAgreementFile(d, req.principal(), id, file.first, file.second));
           r.status = 201;
           return FileJson(f);
         });
  s.Get(R"(/matching/agreements/(\d+)/files/(\d+))", {true, "agreement:read"},
        [d](Request& req, Reply& r) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t file_id, http::PathId(req, 2, "file_id"));
          ASSIGN_OR_RETURN(auto found, AgreementFile(d, req.principal(), id, file_id));
          return FileReply(std::move(found), r);
        });
  s.Put(R"(/matching/agreements/(\d+)/sales/(\d{4}-\d{2}))", {true, "agreement:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          AttributedSales s;
          s.month = req.Match(2);
          ASSIGN_OR_RETURN(auto amount, http::BodyOptInt(body, "amount_fen"));
          if (!amount) return Error::Invalid("amount_fen", "请填写销售额（分）");
          s.amount_fen = *amount;
          ASSIGN_OR_RETURN(s.evidence, http::RequiredString(body, "evidence"));
          ASSIGN_OR_RETURN(auto saved, RecordSales(d, req.principal(), id, s));
          return SalesJson(saved);
        });
}

}  // namespace ruralec::matching::api
