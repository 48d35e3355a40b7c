#include "sales/api/common.h"

#include "sales/api/sales_handlers.h"

namespace ruralec::sales::api {

Result<entity::Entity> VisibleEntity(storage::Connection& conn, const Request& req, int64_t id) {
  auto own = entity::OwnEntityOnly(req.principal());
  auto e = entity::Get(conn, id);
  if (!e.ok() || !req.principal().InScope(e->region) || (own && *own != id))
    return Error::NotFound("经营主体 " + std::to_string(id) + " 不存在");
  return e;
}

Status NoBusinessCaller(const Request& req) {
  if (entity::OwnEntityOnly(req.principal()))
    return Error::Forbidden("经营主体账号不能查看导入错误报告");
  return {};
}

Result<queries::SalesRow> VisibleSales(storage::Connection& conn, const Request& req, int64_t id) {
  auto own = entity::OwnEntityOnly(req.principal());
  auto row = queries::GetSales(conn, id);
  if (!row.ok() || !req.principal().InScope(row->record.region) ||
      (own && *own != row->record.in.entity_id))
    return Error::NotFound("销售记录 " + std::to_string(id) + " 不存在");
  return row;
}

Json SalesJson(const queries::SalesRow& r) {
  const SalesRecord& s = r.record;
  return {{"id", s.id},
          {"entity_id", s.in.entity_id},
          {"entity_name", r.entity_name},
          {"region_code", s.region.str()},
          {"region_name", r.region_name},
          {"shop_id", http::OptIntJson(s.in.shop_id)},
          {"brand_id", http::OptIntJson(s.in.brand_id)},
          {"period", s.in.period},
          {"platform", s.in.platform},
          {"direction", DirectionName(s.in.direction)},
          {"agricultural", s.in.agricultural},
          {"category", s.in.category},
          {"amount_fen", s.in.amount.value},
          {"orders", http::OptIntJson(s.in.orders)},
          {"export_usd_cents", http::OptIntJson(s.in.export_usd_cents)},
          {"source", SourceName(s.source)},
          {"batch_id", http::OptIntJson(s.batch_id)},
          {"supersedes_id", http::OptIntJson(s.supersedes_id)},
          {"is_current", s.is_current},
          {"correction_reason", s.correction_reason},
          {"created_by", http::OptIntJson(s.created_by)},
          {"created_by_name", r.created_by_name},
          {"created_at", http::TimeJson(s.created_at)}};
}

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const crypto::FieldCipher& cipher) {
  Deps d{db, audit, clock, cipher};
  RegisterLedgerRoutes(server, d);
  RegisterImportRoutes(server, d);
  RegisterSummaryRoutes(server, d);
}

}  // namespace ruralec::sales::api
