#include "sales/api/common.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "sales/api/sales_handlers.h"

namespace ruralec::sales::api {
namespace {

Result<std::string> ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error{ErrorCode::kInternal, "导出文件读取失败", ""};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "ruralec-XXXXXX").string();
  if (char* p = mkdtemp(tmpl.data())) path = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path.empty()) std::filesystem::remove_all(path, ec);
}

Result<int64_t> PathId(const Request& req, size_t i, const std::string& field) {
  try {
    size_t used = 0;
    std::string s = req.Match(i);
    int64_t v = std::stoll(s, &used);
    if (used == s.size() && v > 0) return v;
  } catch (...) {
  }
  return Error::Invalid(field, "编号无效");
}

Result<std::optional<int64_t>> QueryOptInt(const Request& req, const std::string& name) {
  if (req.Query(name).empty()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(int64_t v, req.QueryInt(name, 0));
  return std::optional<int64_t>(v);
}

Result<std::optional<bool>> QueryOptBool(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return std::optional<bool>();
  if (v == "true" || v == "1") return std::optional<bool>(true);
  if (v == "false" || v == "0") return std::optional<bool>(false);
  return Error::Invalid(name, "应为 true 或 false");
}

Result<RegionCode> ScopedRegion(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return req.principal().region;
  auto code = RegionCode::Parse(v);
  if (!code.ok()) return Error::Invalid(name, "区划代码无效: " + v);
  if (!req.principal().InScope(*code))
    return Error::Forbidden("区划 " + code->str() + " 不在您的管辖范围内");
  return *code;
}

Result<int> QueryYear(const Request& req, const Clock& clock, const std::string& name) {
  ASSIGN_OR_RETURN(int64_t y, req.QueryInt(name, ShanghaiDate(clock.NowMs()).year()));
  if (y < 2000 || y > 2100) return Error::Invalid(name, "年份应在 2000 到 2100 之间");
  return static_cast<int>(y);
}

Result<queries::EntityRow> VisibleEntity(storage::Connection& conn, const Request& req,
                                         int64_t id) {
  auto row = queries::GetEntity(conn, id);
  if (!row.ok() || !req.principal().InScope(row->entity.region))
    return Error::NotFound("经营主体 " + std::to_string(id) + " 不存在");
  return row;
}

Result<queries::SalesRow> VisibleSales(storage::Connection& conn, const Request& req, int64_t id) {
  auto row = queries::GetSales(conn, id);
  if (!row.ok() || !req.principal().InScope(row->record.region))
    return Error::NotFound("销售记录 " + std::to_string(id) + " 不存在");
  return row;
}

Json OptInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json EntityJson(const queries::EntityRow& r) {
  const entity::Entity& e = r.entity;
  return {{"id", e.id},
          {"uscc", e.uscc},
          {"name", e.name},
          {"kind", entity::KindName(e.kind)},
          {"kind_label", entity::KindLabel(e.kind)},
          {"region_code", e.region.str()},
          {"region_name", r.region_name},
          {"registered_on", e.registered_on ? Json(e.registered_on->ToString()) : Json(nullptr)},
          {"contact_name", e.contact_name},
          {"mobile_masked", e.mobile_masked ? Json(*e.mobile_masked) : Json(nullptr)},
          {"linkage",
           {{"model", e.linkage.model},
            {"contract_farming", e.linkage.contract_farming},
            {"employs_poor", e.linkage.employs_poor}}},
          {"shop_count", r.shop_count},
          {"brand_count", r.brand_count},
          {"created_at", http::TimeJson(e.created_at)},
          {"updated_at", http::TimeJson(r.updated_at)}};
}

Json ShopJson(const entity::Shop& s) {
  return {{"id", s.id},
          {"entity_id", s.entity_id},
          {"platform", s.platform},
          {"shop_name", s.shop_name},
          {"shop_ref", s.shop_ref}};
}

Json BrandJson(const queries::BrandRow& r) {
  const entity::Brand& b = r.brand;
  return {{"id", b.id},
          {"entity_id", b.entity_id},
          {"entity_name", r.entity_name},
          {"region_code", r.region.str()},
          {"name", b.name},
          {"trademark_no", b.trademark_no},
          {"categories", b.categories},
          {"regional_brand", b.regional_brand}};
}

Json SalesJson(const queries::SalesRow& r) {
  const SalesRecord& s = r.record;
  return {{"id", s.id},
          {"entity_id", s.in.entity_id},
          {"entity_name", r.entity_name},
          {"region_code", s.region.str()},
          {"region_name", r.region_name},
          {"shop_id", OptInt(s.in.shop_id)},
          {"brand_id", OptInt(s.in.brand_id)},
          {"period", s.in.period},
          {"platform", s.in.platform},
          {"direction", DirectionName(s.in.direction)},
          {"agricultural", s.in.agricultural},
          {"category", s.in.category},
          {"amount_fen", s.in.amount.value},
          {"orders", OptInt(s.in.orders)},
          {"export_usd_cents", OptInt(s.in.export_usd_cents)},
          {"source", SourceName(s.source)},
          {"batch_id", OptInt(s.batch_id)},
          {"supersedes_id", OptInt(s.supersedes_id)},
          {"is_current", s.is_current},
          {"correction_reason", s.correction_reason},
          {"created_by", OptInt(s.created_by)},
          {"created_by_name", r.created_by_name},
          {"created_at", http::TimeJson(s.created_at)}};
}

Result<std::optional<int64_t>> BodyOptInt(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<int64_t>();
  const Json& v = body[field];
  if (!v.is_number_integer()) return Error::Invalid(field, "应为整数");
  // The same bound as Fen::Parse (±9e16), so sums over many rows cannot overflow.
  constexpr int64_t kMax = 90'000'000'000'000'000;
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(kMax))
    return Error::Invalid(field, "数值过大");
  int64_t n = v.get<int64_t>();
  if (n > kMax || n < -kMax) return Error::Invalid(field, "数值过大");
  return std::optional<int64_t>(n);
}

Result<std::optional<bool>> BodyOptBool(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<bool>();
  if (!body[field].is_boolean()) return Error::Invalid(field, "应为 true 或 false");
  return std::optional<bool>(body[field].get<bool>());
}

Status XlsxReply(const spreadsheet::Sheet& sheet, const std::string& filename, Reply& reply) {
  TempDir dir;
  if (dir.path.empty()) return Error{ErrorCode::kInternal, "无法创建临时目录", ""};
  auto path = dir.path / filename;
  bool csv = filename.size() > 4 && filename.substr(filename.size() - 4) == ".csv";
  RETURN_IF_ERROR(csv ? spreadsheet::WriteCsv(path.string(), sheet)
                      : spreadsheet::WriteXlsx(path.string(), sheet));
  ASSIGN_OR_RETURN(reply.raw_body, ReadAll(path));
  reply.content_type = csv ? "text/csv; charset=utf-8"
                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  reply.filename = filename;
  return {};
}

Status FileReply(const Request& req, const spreadsheet::Sheet& sheet, const std::string& stem,
                 Reply& reply) {
  std::string format = req.Query("format");
  if (format.empty()) format = "xlsx";
  if (format != "xlsx" && format != "csv") return Error::Invalid("format", "格式应为 xlsx 或 csv");
  return XlsxReply(sheet, stem + "." + format, reply);
}

audit::Entry AuditEntry(const Request& req, std::string action, std::string type, int64_t id,
                        std::string detail) {
  return {req.principal().ToActor(), std::move(action),        std::move(type),
          std::to_string(id),        audit::Outcome::kSuccess, std::move(detail)};
}

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const crypto::FieldCipher& cipher) {
  Deps d{db, audit, clock, cipher};
  RegisterEntityRoutes(server, d);
  RegisterLedgerRoutes(server, d);
  RegisterImportRoutes(server, d);
  RegisterSummaryRoutes(server, d);
}

}  // namespace ruralec::sales::api
