// Spreadsheet import of the ledger (multipart upload), the error workbooks kept for download
// (of sales and entity imports), the template, and the xlsx/csv export of the ledger.
#include <cstdio>

#include "imports/api/upload.h"
#include "sales/api/common.h"
#include "sales/import.h"

namespace ruralec::sales::api {
namespace {

std::string Flag(bool b) { return b ? "是" : "否"; }

std::string SourceLabel(Source s) {
  switch (s) {
    case Source::kForm:
      return "页面录入";
    case Source::kImport:
      return "表格导入";
    case Source::kApi:
      return "接口报送";
  }
  return "";
}

std::string Dollars(const std::optional<int64_t>& cents) {
  if (!cents) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(*cents / 100),
                static_cast<long long>(*cents % 100));
  return buf;
}

// The ledger as a clerk reads it: names, not internal ids; amounts and counts as numbers (SUM
// works); the record id stays, because award lines and audit entries cite it.
Result<Json> ExportSales(const Deps& d, Request& req, Reply& reply) {
  using spreadsheet::ColumnType;
  ASSIGN_OR_RETURN(queries::SalesFilter f, SalesFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListSales(*conn, f, ExportPage()));
  RETURN_IF_ERROR(TooManyForExport(p.total));
  spreadsheet::Sheet sheet{
      "网络销售台账",
      {"记录编号", "主体名称", "所属区划", "区划代码", "所属期", "平台", "方向", "农产品", "品类",
       "网络销售额(元)", "订单数", "出口额(美元)", "录入方式", "当前记录", "更正原因"},
      {},
      {}};
  sheet.types = {ColumnType::kInteger, ColumnType::kText,    ColumnType::kText,
                 ColumnType::kText,    ColumnType::kText,    ColumnType::kText,
                 ColumnType::kText,    ColumnType::kText,    ColumnType::kText,
                 ColumnType::kMoney,   ColumnType::kInteger, ColumnType::kMoney};
  for (const auto& r : p.items) {
    const auto& s = r.record;
    sheet.rows.push_back(
        {std::to_string(s.id), r.entity_name, r.region_name, s.region.str(), s.in.period,
         s.in.platform, s.in.direction == Direction::kUplink ? "上行" : "下行",
         Flag(s.in.agricultural), s.in.category, s.in.amount.ToPlain(),
         s.in.orders ? std::to_string(*s.in.orders) : "", Dollars(s.in.export_usd_cents),
         SourceLabel(s.source), Flag(s.is_current), s.correction_reason});
  }
  RETURN_IF_ERROR(FileReply(req, sheet, http::DatedStem("网络销售台账", d.clock.NowMs()), reply));
  return Json::object();
}

}  // namespace

void RegisterImportRoutes(http::Server& s, const Deps& d) {
  s.Post("/sales/import", {.permission = "sales:import"}, [d](Request& req, Reply&) {
    imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
    return imports::api::Upload(
        ctx, req, "sales",
        [](const ImportContext& c, const account::Principal& who, const std::string& path, Mode m,
           const ImportOptions& o) { return ImportSales(c, who, path, m, o); });
  });
  imports::api::SetReadPermission("sales", "sales:read");
  s.Get("/sales/template", {.permission = "sales:read"}, [](Request&, Reply& r) -> Result<Json> {
    RETURN_IF_ERROR(XlsxReply(SalesTemplate(), "sales-template.xlsx", r));
    return Json::object();
  });
  s.Get("/sales/export", {.permission = "sales:read"},
        [d](Request& req, Reply& r) { return ExportSales(d, req, r); });
}

}  // namespace ruralec::sales::api
