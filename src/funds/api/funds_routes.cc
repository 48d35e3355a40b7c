#include "funds/api/funds_routes.h"

#include "funds/award_pay.h"
#include "funds/award_reclaim.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::funds::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Json FiguresJson(const CategoryFigures& c) {
  return {{"code", c.code},
          {"name", c.name},
          {"planned_fen", c.planned.value},
          {"approved_fen", c.approved.value},
          {"committed_fen", c.committed.value},
          {"advanced_fen", c.advanced.value},
          {"paid_fen", c.paid.value},
          {"clawback_fen", c.clawback.value}};
}

Json ConstraintsJson(const Fund& f, const Constraints& c) {
  return {{"public_service_center_bp", c.psc_bp},
          {"public_service_center_limit_bp", kPublicServiceCenterPct * 100},
          {"public_service_center_over", c.psc_over},
          {"uplink_bp", c.uplink_bp < 0 ? Json(nullptr) : Json(c.uplink_bp)},
          {"uplink_target_bp", 5000},
          {"uplink_met", c.uplink_met},
          {"advance_pct", f.advance_pct},
          {"advance_over_projects", c.advance_over},
          {"failed_holding_projects", c.failed_holding}};
}

Json FundJson(const FundView& v) {
  const Fund& f = v.fund;
  Json cats = Json::array();
  for (const auto& c : v.figures.categories) cats.push_back(FiguresJson(c));
  Json totals = FiguresJson(v.figures.total);
  totals["arrived_fen"] = v.figures.arrived.value;
  totals["available_fen"] = v.figures.available.value;
  return {{"id", f.id.value},
          {"county_code", f.county_code},
          {"programme_id", http::OptIntJson(f.programme_id)},
          {"name", f.name},
          {"source", SourceName(f.source)},
          {"source_label", SourceLabel(f.source)},
          {"amount_fen", f.amount.value},
          {"advance_pct", f.advance_pct},
          {"valid_from", f.valid_from.ToString()},
          {"valid_to", f.valid_to.ToString()},
          {"document", f.document},
          {"closed_through", OptDate(f.closed_through)},
          {"categories", cats},
          {"totals", totals},
          {"constraints", ConstraintsJson(f, v.figures.constraints)},
          {"project_count", v.projects}};
}

Json BalanceJson(const Balance& b) {
  return {{"kind", KindName(b.account.kind)},
          {"kind_label", KindLabel(b.account.kind)},
          {"category", b.account.category},
          {"project", b.account.project},
          {"balance_fen", b.balance.value}};
}

Json AccountJson(const Account& a) {
  return {{"kind", KindName(a.kind)},
          {"kind_label", KindLabel(a.kind)},
          {"category", a.category},
          {"project", a.project}};
}

Json TransferJson(const Transfer& t) {
  return {{"id", t.id.value},
          {"fund_id", t.fund.value},
          {"seq", t.seq},
          {"op", OpName(t.op)},
          {"op_label", OpLabel(t.op)},
          {"from", AccountJson(t.from)},
          {"to", AccountJson(t.to)},
          {"amount_fen", t.amount.value},
          {"value_date", t.value_date.ToString()},
          {"document", t.document},
          {"purpose", t.purpose},
          {"uplink_pct", t.uplink_pct},
          {"reason", t.reason},
          {"reverses", t.reverses ? Json(t.reverses->value) : Json(nullptr)},
          {"idempotency_key", t.idempotency_key},
          {"created_by", http::OptIntJson(t.created_by)},
          {"created_at", http::TimeJson(t.created_at)},
          {"repeated", t.repeated}};
}

Json ProjectJson(const Project& p) {
  return {{"project", p.key},
          {"name", p.name},
          {"status", ProjectStatusName(p.status)},
          {"status_label", ProjectStatusLabel(p.status)},
          {"status_on", OptDate(p.status_on)}};
}

Json PlanChangeJson(const PlanChange& c) {
  return {{"id", c.id},
          {"code", c.code},
          {"planned_fen", c.planned.value},
          {"before_fen", c.before.value},
          {"document", c.document},
          {"reason", c.reason},
          {"changed_by", http::OptIntJson(c.changed_by)},
          {"changed_at", http::TimeJson(c.changed_at)}};
}

Result<std::string> Text(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<CivilDate> DateField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string v, http::RequiredString(body, field));
  return CivilDate::Parse(v, field);
}

Result<Fen> FenField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::BodyOptInt(body, field));
  if (!v) return Error::Invalid(field, "请填写金额（分）");
  return Fen{*v};
}

Result<std::vector<Category>> CategoriesFrom(const Json& body) {
  std::vector<Category> out;
  if (!body.contains("categories")) return out;
  const Json& a = body["categories"];
  if (!a.is_array()) return Error::Invalid("categories", "categories 应为数组");
  for (const Json& c : a) {
    if (!c.is_object()) return Error::Invalid("categories", "每个类别应为对象");
    Category cat;
    ASSIGN_OR_RETURN(cat.code, http::RequiredString(c, "code"));
    ASSIGN_OR_RETURN(cat.name, http::RequiredString(c, "name"));
    ASSIGN_OR_RETURN(cat.planned, FenField(c, "planned_fen"));
    out.push_back(std::move(cat));
  }
  return out;
}

Result<Fund> FundFrom(const Json& body) {
  Fund f;
  ASSIGN_OR_RETURN(f.county_code, http::RequiredString(body, "county_code"));
  ASSIGN_OR_RETURN(f.programme_id, http::BodyOptInt(body, "programme_id"));
  ASSIGN_OR_RETURN(f.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(std::string source, http::RequiredString(body, "source"));
  ASSIGN_OR_RETURN(f.source, ParseSource(source));
  ASSIGN_OR_RETURN(f.amount, FenField(body, "amount_fen"));
  ASSIGN_OR_RETURN(auto pct, http::BodyOptInt(body, "advance_pct"));
  f.advance_pct = static_cast<int>(pct.value_or(0));
  ASSIGN_OR_RETURN(f.valid_from, DateField(body, "valid_from"));
  ASSIGN_OR_RETURN(f.valid_to, DateField(body, "valid_to"));
  ASSIGN_OR_RETURN(f.document, http::RequiredString(body, "document"));
  ASSIGN_OR_RETURN(f.categories, CategoriesFrom(body));
  return f;
}

Result<TransferRequest> TransferFrom(const Json& body) {
  TransferRequest r;
  ASSIGN_OR_RETURN(std::string op, http::RequiredString(body, "op"));
  ASSIGN_OR_RETURN(r.op, ParseOp(op));
  ASSIGN_OR_RETURN(r.category, Text(body, "category"));
  ASSIGN_OR_RETURN(r.project, Text(body, "project"));
  ASSIGN_OR_RETURN(r.amount, FenField(body, "amount_fen"));
  ASSIGN_OR_RETURN(r.value_date, DateField(body, "value_date"));
  ASSIGN_OR_RETURN(r.document, Text(body, "document"));
  ASSIGN_OR_RETURN(r.purpose, Text(body, "purpose"));
  ASSIGN_OR_RETURN(auto uplink, http::BodyOptInt(body, "uplink_pct"));
  if (uplink && (*uplink < 0 || *uplink > 100))
    return Error::Invalid("uplink_pct", "上行占比应在0到100之间");
  r.uplink_pct = static_cast<int>(uplink.value_or(0));
  ASSIGN_OR_RETURN(r.reason, Text(body, "reason"));
  ASSIGN_OR_RETURN(auto reverses, http::BodyOptInt(body, "reverses"));
  if (reverses) r.reverses = TransferId{*reverses};
  ASSIGN_OR_RETURN(r.idempotency_key, http::RequiredString(body, "idempotency_key"));
  if (r.idempotency_key.size() > 200)
    return Error::Invalid("idempotency_key", "幂等键不超过200个字符");
  return r;
}

Result<Project> ProjectFrom(const Json& body) {
  Project p;
  ASSIGN_OR_RETURN(p.key, http::RequiredString(body, "project"));
  ASSIGN_OR_RETURN(p.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(std::string status, Text(body, "status"));
  if (!status.empty()) {
    ASSIGN_OR_RETURN(p.status, ParseProjectStatus(status));
  }
  ASSIGN_OR_RETURN(std::string on, Text(body, "status_on"));
  if (!on.empty()) {
    ASSIGN_OR_RETURN(p.status_on, CivilDate::Parse(on, "status_on"));
  }
  return p;
}

Result<PlanChange> PlanChangeFrom(const Json& body) {
  PlanChange c;
  ASSIGN_OR_RETURN(c.code, http::RequiredString(body, "code"));
  ASSIGN_OR_RETURN(c.planned, FenField(body, "planned_fen"));
  ASSIGN_OR_RETURN(c.document, Text(body, "document"));
  ASSIGN_OR_RETURN(c.reason, Text(body, "reason"));
  return c;
}

Result<store::TransferFilter> FilterFrom(const Request& req) {
  store::TransferFilter f;
  if (std::string op = req.Query("op"); !op.empty()) {
    ASSIGN_OR_RETURN(f.op, ParseOp(op));
  }
  f.project = req.Query("project");
  f.category = req.Query("category");
  return f;
}

Json AwardItemJson(const AwardItemView& v) {
  const award::PayableItem& i = v.item;
  return {{"item_id", i.id},
          {"list_id", i.list_id},
          {"line_id", http::OptIntJson(i.line_id)},
          {"rule_id", i.rule_id},
          {"subject_kind", i.subject_kind},
          {"subject_id", i.subject_id},
          {"payee_name", i.payee_name},
          {"region_code", i.region_code},
          {"amount_fen", i.amount_fen},
          {"delta_fen", i.delta_fen},
          {"status", i.status},
          {"acceptance_status", i.acceptance_status},
          {"project", v.project},
          {"payable", v.payable},
          {"reason", v.reason},
          {"due_fen", v.due.value},
          {"reclaim_fen", v.reclaim.value}};
}

Json ReclaimJson(const AwardReclaim& a) {
  return {{"id", a.id},
          {"fund_id", a.fund.value},
          {"list_id", a.list_id},
          {"item_id", a.item_id},
          {"transfer_id", a.transfer.value},
          {"project", a.project},
          {"category", a.category},
          {"payee_name", a.payee_name},
          {"rule_id", a.rule_id},
          {"delta_fen", a.delta.value},
          {"amount_fen", a.amount.value},
          {"recovered_fen", a.recovered.value},
          {"outstanding_fen", a.outstanding.value},
          {"state", ReclaimStateName(a.state)},
          {"state_label", ReclaimStateLabel(a.state)},
          {"reversed_by", a.reversed_by ? Json(a.reversed_by->value) : Json(nullptr)},
          {"value_date", a.value_date.ToString()},
          {"document", a.document},
          {"created_by", http::OptIntJson(a.created_by)},
          {"created_at", http::TimeJson(a.created_at)},
          {"repeated", a.repeated}};
}

Result<AwardReclaimRequest> ReclaimFrom(const Json& body) {
  AwardReclaimRequest r;
  ASSIGN_OR_RETURN(r.list_id, http::BodyId(body, "list_id"));
  ASSIGN_OR_RETURN(r.item_id, http::BodyId(body, "item_id"));
  ASSIGN_OR_RETURN(r.category, Text(body, "category"));
  ASSIGN_OR_RETURN(r.value_date, DateField(body, "value_date"));
  ASSIGN_OR_RETURN(r.document, Text(body, "document"));
  return r;
}

// GET /funds/{id}/award-reclaims?list_id= and POST /funds/{id}/award-reclaims (award_reclaim.h).
void RegisterAwardReclaims(http::Server& s, const Deps& d) {
  s.Get(R"(/funds/(\d+)/award-reclaims)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(auto list, http::QueryOptInt(req, "list_id"));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto all,
                           AwardReclaimsOf(d, req.principal(), FundId{id}, list.value_or(0)));
          return http::SlicePageJson(
              all, page, [](const AwardReclaim&) { return true; }, ReclaimJson);
        });
  s.Post(R"(/funds/(\d+)/award-reclaims)", {true, "funds:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AwardReclaimRequest r, ReclaimFrom(body));
           ASSIGN_OR_RETURN(AwardReclaim a, RaiseAwardReclaim(d, req.principal(), FundId{id}, r));
           reply.status = a.repeated ? 200 : 201;
           return ReclaimJson(a);
         });
}

Result<AwardPayment> AwardPaymentFrom(const Json& body) {
  AwardPayment p;
  ASSIGN_OR_RETURN(p.list_id, http::BodyId(body, "list_id"));
  ASSIGN_OR_RETURN(p.category, http::RequiredString(body, "category"));
  ASSIGN_OR_RETURN(p.value_date, DateField(body, "value_date"));
  ASSIGN_OR_RETURN(p.document, http::RequiredString(body, "document"));
  ASSIGN_OR_RETURN(auto uplink, http::BodyOptInt(body, "uplink_pct"));
  if (uplink && (*uplink < 0 || *uplink > 100))
    return Error::Invalid("uplink_pct", "上行占比应在0到100之间");
  p.uplink_pct = static_cast<int>(uplink.value_or(0));
  return p;
}

Result<AwardAcceptance> AcceptanceFrom(const Request& req, const Json& body) {
  AwardAcceptance a;
  ASSIGN_OR_RETURN(a.item_id, http::PathId(req, 2, "item_id"));
  ASSIGN_OR_RETURN(a.list_id, http::BodyId(body, "list_id"));
  ASSIGN_OR_RETURN(auto accepted, http::BodyOptBool(body, "accepted"));
  if (!accepted) return Error::Invalid("accepted", "请选择验收结论（通过或不通过）");
  a.accepted = *accepted;
  ASSIGN_OR_RETURN(a.on, DateField(body, "on"));
  ASSIGN_OR_RETURN(a.document, Text(body, "document"));
  return a;
}

// POST /funds/{id}/award-items/{item}/acceptance (award_pay.h RecordAwardAcceptance).
void RegisterAwardAcceptance(http::Server& s, const Deps& d) {
  s.Post(R"(/funds/(\d+)/award-items/(\d+)/acceptance)", {true, "funds:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AwardAcceptance a, AcceptanceFrom(req, body));
           ASSIGN_OR_RETURN(auto r, RecordAwardAcceptance(d, req.principal(), FundId{id}, a));
           reply.status = r.repeated ? 200 : 201;
           Json out = AwardItemJson(r.item);
           out["repeated"] = r.repeated;
           return out;
         });
}

// GET /funds/{id}/award-items?list_id= and POST /funds/{id}/award-payments (award_pay.h).
void RegisterAwardPayments(http::Server& s, const Deps& d) {
  s.Get(R"(/funds/(\d+)/award-items)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t list, http::QueryId(req, "list_id"));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto items, AwardItems(d, req.principal(), FundId{id}, list));
          Json out = http::SlicePageJson(
              items, page, [](const AwardItemView&) { return true; }, AwardItemJson);
          int64_t due = 0;
          for (const auto& v : items)
            if (v.payable) due += v.due.value;
          out["payable_fen"] = due;
          return out;
        });
  s.Post(R"(/funds/(\d+)/award-payments)", {true, "funds:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AwardPayment p, AwardPaymentFrom(body));
           ASSIGN_OR_RETURN(auto r, PayAwardList(d, req.principal(), FundId{id}, p));
           Json items = Json::array();
           for (const auto& v : r.items) items.push_back(AwardItemJson(v));
           return Json{{"paid_items", r.paid_items}, {"paid_fen", r.paid.value}, {"items", items}};
         });
}

void RegisterReads(http::Server& s, const Deps& d) {
  s.Get("/funds", {true, "funds:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {}));
    ASSIGN_OR_RETURN(auto p, ListFunds(d, req.principal(), lp.scope, lp.page));
    return http::PageJson(p, lp.page, FundJson);
  });
  s.Get(R"(/funds/(\d+))", {true, "funds:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(FundView v, GetFund(d, req.principal(), FundId{id}));
    return FundJson(v);
  });
  s.Get(R"(/funds/(\d+)/balances)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto p, BalancesOf(d, req.principal(), FundId{id}, page));
          return http::PageJson(p, page, BalanceJson);
        });
  s.Get(R"(/funds/(\d+)/transfers)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(store::TransferFilter f, FilterFrom(req));
          ASSIGN_OR_RETURN(auto p, TransfersOf(d, req.principal(), FundId{id}, f, page));
          return http::PageJson(p, page, [](const store::TransferRow& r) {
            Json j = TransferJson(r.transfer);
            j["reversed_by"] = r.reversed_by ? Json(r.reversed_by->value) : Json(nullptr);
            return j;
          });
        });
  s.Get(R"(/funds/(\d+)/plan-changes)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto p, PlanChangesOf(d, req.principal(), FundId{id}, page));
          return http::PageJson(p, page, PlanChangeJson);
        });
  s.Get(R"(/funds/(\d+)/projects)", {true, "funds:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto p, ProjectsOf(d, req.principal(), FundId{id}, page));
          return http::PageJson(p, page, ProjectJson);
        });
  s.Get(R"(/funds/(\d+)/verify)", {true, "funds:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(VerifyReport r, VerifyFund(d, req.principal(), FundId{id}));
    return Json{{"ok", r.ok}, {"transfers", r.transfers}, {"violation", r.violation}};
  });
}

void RegisterWrites(http::Server& s, const Deps& d) {
  s.Post("/funds", {true, "funds:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(Fund f, FundFrom(body));
    ASSIGN_OR_RETURN(FundView v, CreateFund(d, req.principal(), std::move(f)));
    reply.status = 201;
    return FundJson(v);
  });
  s.Post(R"(/funds/(\d+)/transfers)", {true, "funds:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(TransferRequest r, TransferFrom(body));
           ASSIGN_OR_RETURN(Transfer t, MoveMoney(d, req.principal(), FundId{id}, std::move(r)));
           reply.status = t.repeated ? 200 : 201;
           return TransferJson(t);
         });
  s.Post(R"(/funds/(\d+)/projects)", {true, "funds:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(Project p, ProjectFrom(body));
           RETURN_IF_ERROR(PutFundProject(d, req.principal(), FundId{id}, p));
           return ProjectJson(p);
         });
  // Setting the figure the plan already has is a no-op answered 200 with changed=false.
  s.Post(R"(/funds/(\d+)/plan-changes)", {true, "funds:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(PlanChange c, PlanChangeFrom(body));
           ASSIGN_OR_RETURN(bool changed, AdjustFundPlan(d, req.principal(), FundId{id}, c));
           ASSIGN_OR_RETURN(FundView v, GetFund(d, req.principal(), FundId{id}));
           reply.status = changed ? 201 : 200;
           return Json{{"changed", changed}, {"fund", FundJson(v)}};
         });
  s.Post(R"(/funds/(\d+)/close)", {true, "funds:edit"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(CivilDate through, DateField(body, "through"));
    RETURN_IF_ERROR(CloseFund(d, req.principal(), FundId{id}, through));
    ASSIGN_OR_RETURN(FundView v, GetFund(d, req.principal(), FundId{id}));
    return FundJson(v);
  });
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterReads(s, d);
  RegisterWrites(s, d);
  RegisterAwardPayments(s, d);
  RegisterAwardReclaims(s, d);
  RegisterAwardAcceptance(s, d);
}

}  // namespace ruralec::funds::api
