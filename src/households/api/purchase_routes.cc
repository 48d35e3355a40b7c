// The purchases ledger over HTTP (docs/API.md "Purchases").
#include "households/api/household_handlers.h"
#include "households/purchase_import.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/api/upload.h"

namespace ruralec::households::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<PurchaseInput> InputFrom(const Json& body) {
  PurchaseInput in;
  ASSIGN_OR_RETURN(in.entity_id, http::BodyId(body, "entity_id"));
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "seller_kind"));
  ASSIGN_OR_RETURN(in.seller_kind, ParseSellerKind(kind));
  if (in.seller_kind == SellerKind::kHousehold) {
    ASSIGN_OR_RETURN(in.household_id, http::BodyId(body, "household_id"));
  } else {
    ASSIGN_OR_RETURN(std::string v, http::RequiredString(body, "village_code"));
    auto code = RegionCode::Parse(v);
    if (!code.ok()) return Error::Invalid("village_code", "区划代码无效: " + v);
    in.village = *code;
    ASSIGN_OR_RETURN(in.seller_name, http::RequiredString(body, "seller_name"));
  }
  ASSIGN_OR_RETURN(in.product, http::RequiredString(body, "product"));
  ASSIGN_OR_RETURN(auto q, http::BodyOptInt(body, "quantity"));
  if (!q) return Error::Invalid("quantity", "请填写数量");
  in.quantity = *q;
  ASSIGN_OR_RETURN(in.unit, http::RequiredString(body, "unit"));
  ASSIGN_OR_RETURN(auto amount, http::BodyOptInt(body, "amount_fen"));
  if (!amount) return Error::Invalid("amount", "请填写收购金额");
  in.amount_fen = *amount;
  ASSIGN_OR_RETURN(std::string on, http::RequiredString(body, "purchased_on"));
  ASSIGN_OR_RETURN(in.purchased_on, CivilDate::Parse(on, "purchased_on"));
  ASSIGN_OR_RETURN(auto ek, http::OptionalString(body, "evidence_kind"));
  in.evidence_kind = ek && !ek->empty() ? *ek : "receipt";
  ASSIGN_OR_RETURN(in.evidence_no, http::RequiredString(body, "evidence_no"));
  ASSIGN_OR_RETURN(in.agreement_id, http::BodyOptInt(body, "agreement_id"));
  ASSIGN_OR_RETURN(auto no, http::OptionalString(body, "agreement_no"));
  in.agreement_no = no.value_or("");
  ASSIGN_OR_RETURN(in.listing_id, http::BodyOptInt(body, "listing_id"));
  return in;
}

Json PurchaseJson(const Purchase& p) {
  return {{"id", p.id},
          {"entity_id", p.in.entity_id},
          {"entity_name", p.entity_name},
          {"buyer_region_code", p.buyer_region.str()},
          {"seller_kind", SellerKindName(p.in.seller_kind)},
          {"household_id", http::OptIntJson(p.in.household_id)},
          {"village_code", p.in.village.str()},
          {"village_name", p.village_name},
          {"seller_name", p.seller_label},
          {"product", p.in.product},
          {"quantity", p.in.quantity},
          {"unit", p.in.unit},
          {"amount_fen", p.in.amount_fen},
          {"purchased_on", p.in.purchased_on.ToString()},
          {"evidence_kind", p.in.evidence_kind},
          {"evidence_no", p.in.evidence_no},
          {"agreement_id", http::OptIntJson(p.in.agreement_id)},
          {"listing_id", http::OptIntJson(p.in.listing_id)},
          {"source", p.source},
          {"batch_id", http::OptIntJson(p.batch_id)},
          {"current", p.current},
          {"supersedes_id", http::OptIntJson(p.supersedes_id)},
          {"correction_reason", p.correction_reason},
          {"created_at", http::TimeJson(p.created_at)}};
}

Result<std::optional<CivilDate>> QueryDate(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(v, name));
  return std::optional<CivilDate>(d);
}

Result<PurchaseFilter> FilterFrom(const Request& req, const http::ListParams& lp) {
  PurchaseFilter f;
  f.region = lp.scope;
  ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
  ASSIGN_OR_RETURN(f.household_id, http::QueryOptInt(req, "household_id"));
  ASSIGN_OR_RETURN(f.from, QueryDate(req, "from"));
  ASSIGN_OR_RETURN(f.to, QueryDate(req, "to"));
  ASSIGN_OR_RETURN(auto history, http::QueryOptBool(req, "history"));
  f.history = history.value_or(false);
  return f;
}

}  // namespace

void RegisterPurchaseRoutes(http::Server& s, const Deps& d) {
  s.Get("/purchases", {true, "purchase:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {}));
    ASSIGN_OR_RETURN(PurchaseFilter f, FilterFrom(req, lp));
    ASSIGN_OR_RETURN(Page<Purchase> p, ListPurchases(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, PurchaseJson);
  });
  s.Post("/purchases", {true, "purchase:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(PurchaseInput in, InputFrom(body));
    ASSIGN_OR_RETURN(Purchase p, RecordPurchase(d, req.principal(), in));
    reply.status = 201;
    return PurchaseJson(p);
  });
  s.Get(R"(/purchases/(\d+))", {true, "purchase:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(auto chain, PurchaseHistory(d, req.principal(), id));
    Json out = PurchaseJson(chain.front());
    out["history"] = Json::array();
    for (size_t i = 1; i < chain.size(); ++i) out["history"].push_back(PurchaseJson(chain[i]));
    return out;
  });
  s.Post(R"(/purchases/(\d+)/correct)", {true, "purchase:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(PurchaseInput in, InputFrom(body));
           ASSIGN_OR_RETURN(std::string reason, http::RequiredString(body, "reason"));
           ASSIGN_OR_RETURN(Purchase p, CorrectPurchase(d, req.principal(), id, in, reason));
           reply.status = 201;
           return PurchaseJson(p);
         });
  imports::api::SetReadPermission("purchases", "purchase:read");  // its error workbooks
  s.Post("/purchases/import", {true, "purchase:import"}, [d](Request& req, Reply&) {
    imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
    return imports::api::Upload(
        ctx, req, "purchases",
        [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
           imports::Mode m,
           const imports::ImportOptions& o) { return ImportPurchases(c, who, path, m, o); });
  });
  s.Get("/purchases/template", {true, "purchase:read"}, [](Request&, Reply& r) -> Result<Json> {
    RETURN_IF_ERROR(http::XlsxReply(PurchasesTemplate(), "purchases-template.xlsx", r));
    return Json::object();
  });
}

}  // namespace ruralec::households::api
