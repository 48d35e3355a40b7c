// The online-sales ledger: list, detail, form entry, correction (supersede) and history.
#include "entity/queries.h"
#include "http/query_ids.h"
#include "sales/api/common.h"

namespace ruralec::sales::api {
namespace {

// Fills `in` from the body; fields absent from the body keep their value in `in` (corrections
// start from the record being corrected). `require` = every required field must be present.
Status ReadInput(const Json& body, bool require, SalesInput& in) {
  auto need = [&](const char* f) -> Status {
    if (require && (!body.contains(f) || body[f].is_null()))
      return Error::Invalid(f, std::string(f) + " 不能为空");
    return {};
  };
  for (const char* f : {"entity_id", "period", "platform", "direction", "amount_fen"})
    RETURN_IF_ERROR(need(f));
  ASSIGN_OR_RETURN(auto entity_id, BodyOptInt(body, "entity_id"));
  if (entity_id) in.entity_id = *entity_id;
  if (body.contains("shop_id")) {
    ASSIGN_OR_RETURN(in.shop_id, BodyOptInt(body, "shop_id"));
  }
  if (body.contains("brand_id")) {
    ASSIGN_OR_RETURN(in.brand_id, BodyOptInt(body, "brand_id"));
  }
  ASSIGN_OR_RETURN(auto period, http::OptionalString(body, "period"));
  if (period) {
    ASSIGN_OR_RETURN(in.period, ParsePeriod(*period, "period"));
  }
  ASSIGN_OR_RETURN(auto platform, http::OptionalString(body, "platform"));
  if (platform) in.platform = *platform;
  ASSIGN_OR_RETURN(auto dir, http::OptionalString(body, "direction"));
  if (dir) {
    ASSIGN_OR_RETURN(in.direction, ParseDirection(*dir, "direction"));
  }
  ASSIGN_OR_RETURN(auto agri, BodyOptBool(body, "agricultural"));
  if (agri) in.agricultural = *agri;
  ASSIGN_OR_RETURN(auto category, http::OptionalString(body, "category"));
  if (category) in.category = *category;
  ASSIGN_OR_RETURN(auto amount, BodyOptInt(body, "amount_fen"));
  if (amount) in.amount = Fen{*amount};
  if (body.contains("orders")) {
    ASSIGN_OR_RETURN(in.orders, BodyOptInt(body, "orders"));
  }
  if (body.contains("export_usd_cents")) {
    ASSIGN_OR_RETURN(in.export_usd_cents, BodyOptInt(body, "export_usd_cents"));
  }
  RETURN_IF_ERROR(CheckAmount(in.amount, "amount_fen"));
  if (in.export_usd_cents) RETURN_IF_ERROR(CheckExportAmount(*in.export_usd_cents));
  if (in.orders && *in.orders < 0) return Error::Invalid("orders", "订单数不能为负数");
  if (in.platform.empty()) return Error::Invalid("platform", "平台不能为空");
  if (in.category.size() > 100) return Error::Invalid("category", "品类过长");
  return {};
}

// The entity must be visible; a shop or brand must belong to it.
Status CheckOwnership(storage::Connection& conn, const Request& req, const SalesInput& in) {
  RETURN_IF_ERROR(VisibleEntity(conn, req, in.entity_id));
  if (in.shop_id && !entity::queries::GetShop(conn, in.entity_id, *in.shop_id).ok())
    return Error::Invalid("shop_id", "网店不属于该经营主体");
  if (in.brand_id && !entity::queries::GetBrand(conn, in.entity_id, *in.brand_id).ok())
    return Error::Invalid("brand_id", "品牌不属于该经营主体");
  return {};
}

Result<Json> Create(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  SalesInput in;
  RETURN_IF_ERROR(ReadInput(body, true, in));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    RETURN_IF_ERROR(CheckOwnership(*conn, req, in));
    ASSIGN_OR_RETURN(int64_t id,
                     Record(*conn, req.principal(), in, {Source::kForm, {}, {}}, d.clock.NowMs()));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditEntry(req, "sales.record", "sales", id,
                          "entity=" + std::to_string(in.entity_id) + " period=" + in.period +
                              " amount_fen=" + std::to_string(in.amount.value))));
    ASSIGN_OR_RETURN(auto row, queries::GetSales(*conn, id));
    reply.status = 201;
    return SalesJson(row);
  });
}

Result<Json> CorrectRecord(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
  if (!reason || reason->empty()) return Error::Invalid("reason", "更正须填写原因");
  if (reason->size() > 500) return Error::Invalid("reason", "更正原因过长（最多500字节）");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(auto old, VisibleSales(*conn, req, id));
    SalesInput in = old.record.in;
    RETURN_IF_ERROR(ReadInput(body, false, in));
    RETURN_IF_ERROR(CheckOwnership(*conn, req, in));
    ASSIGN_OR_RETURN(int64_t nid,
                     Correct(*conn, req.principal(), id, in, *reason, d.clock.NowMs()));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditEntry(req, "sales.correct", "sales", nid,
                          "supersedes=" + std::to_string(id) +
                              " amount_fen=" + std::to_string(old.record.in.amount.value) + "->" +
                              std::to_string(in.amount.value) + " reason=" + *reason)));
    ASSIGN_OR_RETURN(auto row, queries::GetSales(*conn, nid));
    reply.status = 201;
    return SalesJson(row);
  });
}

}  // namespace

Result<queries::SalesFilter> SalesFilterFrom(const Request& req) {
  queries::SalesFilter f;
  ASSIGN_OR_RETURN(f.region, ScopedRegion(req));
  ASSIGN_OR_RETURN(f.entity_id, QueryOptInt(req, "entity_id"));
  if (auto own = entity::OwnEntityOnly(req.principal()))  // one business: its rows only
    f.entity_id = (!f.entity_id || *f.entity_id == *own) ? *own : int64_t{0};
  if (!req.Query("from").empty()) {
    ASSIGN_OR_RETURN(f.from, ParsePeriod(req.Query("from"), "from"));
  }
  if (!req.Query("to").empty()) {
    ASSIGN_OR_RETURN(f.to, ParsePeriod(req.Query("to"), "to"));
  }
  f.platform = req.Query("platform");
  if (!req.Query("direction").empty()) {
    ASSIGN_OR_RETURN(f.direction, ParseDirection(req.Query("direction"), "direction"));
  }
  ASSIGN_OR_RETURN(f.agricultural, QueryOptBool(req, "agricultural"));
  ASSIGN_OR_RETURN(auto history, QueryOptBool(req, "history"));
  f.history = history.value_or(false);
  ASSIGN_OR_RETURN(f.ids, QueryIds(req));
  return f;
}

namespace {

Result<Json> List(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  ASSIGN_OR_RETURN(queries::SalesFilter f, SalesFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListSales(*conn, f, page));
  return http::PageJson(p, page, SalesJson);
}

Result<Json> History(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto row, VisibleSales(*conn, req, id));
  if (!page.sort.empty()) return Error::Invalid("sort", "更正历史固定按时间从新到旧排列");
  ASSIGN_OR_RETURN(auto chain, queries::Chain(*conn, id));
  return http::SlicePageJson(
      chain, page, [](const queries::SalesRow&) { return true; }, SalesJson);
}

}  // namespace

void RegisterLedgerRoutes(http::Server& s, const Deps& d) {
  const http::Route read{.permission = "sales:read"};
  const http::Route edit{.permission = "sales:edit"};
  const std::string one = R"(/sales/(\d+))";
  s.Get("/sales", read, [d](Request& req, Reply&) { return List(d, req); });
  s.Post("/sales", edit, [d](Request& req, Reply& r) { return Create(d, req, r); });
  s.Get(one, read, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(auto row, VisibleSales(*conn, req, id));
    return SalesJson(row);
  });
  s.Post(one + "/correct", edit, [d](Request& req, Reply& r) { return CorrectRecord(d, req, r); });
  s.Get(one + "/history", read, [d](Request& req, Reply&) { return History(d, req); });
}

}  // namespace ruralec::sales::api
