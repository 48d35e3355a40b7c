// Spreadsheet import (multipart upload), the error workbook kept for download, templates, and
// xlsx/csv exports of the entity list and the ledger.
#include <cstdio>
#include <fstream>

#include "sales/api/common.h"
#include "sales/import.h"

namespace ruralec::sales::api {
namespace {

constexpr int64_t kErrorReportTtlMs = 7LL * 24 * 3600 * 1000;  // error workbooks: 7 days

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

// The uploaded file's base name, safe for a temp directory; the extension picks the reader.
Result<std::string> UploadName(const std::string& raw) {
  std::string name =
      raw.substr(raw.find_last_of("/\\") == std::string::npos ? 0 : raw.find_last_of("/\\") + 1);
  std::string ext = EndsWith(name, ".csv") ? ".csv" : EndsWith(name, ".xlsx") ? ".xlsx" : "";
  if (ext.empty()) return Error::Invalid("file", "只接受 .xlsx 或 .csv 文件");
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20) return std::string("upload") + ext;
  }
  if (name.size() > 200 || name[0] == '.') return std::string("upload") + ext;
  return name;
}

Result<int64_t> SaveErrorReport(const Deps& d, const Request& req, const std::string& kind,
                                const std::string& file, const ImportReport& rep) {
  Json errors = Json::array();
  for (const auto& e : rep.errors)
    errors.push_back({{"row", e.row}, {"column", e.column}, {"reason", e.reason}});
  const auto& who = req.principal();
  int64_t now = d.clock.NowMs();
  storage::Value batch = rep.rolled_back || rep.batch_id == 0 ? storage::Value{storage::Null{}}
                                                              : storage::Value{rep.batch_id};
  auto conn = d.db.Acquire();
  return storage::InTransaction<int64_t>(*conn, storage::TxMode::kWrite, [&]() -> Result<int64_t> {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM import_error_reports WHERE expires_at < ?", {now}));
    ASSIGN_OR_RETURN(
        storage::Row row,
        conn->QueryOne(
            "INSERT INTO import_error_reports (county_code, region_code, kind, "
            "batch_id, file_name, rows_rejected, errors_json, created_by, created_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {who.region.county().str(), who.region.str(), kind, batch, file, rep.rows_rejected,
             errors.dump(), who.id.value, now, now + kErrorReportTtlMs},
            "insert error report"));
    return row.Int(0);
  });
}

Result<Json> Upload(const Deps& d, Request& req, const std::string& kind) {
  auto part = req.FormPart("file");
  if (!part) return Error::Invalid("file", "请选择要上传的文件（multipart 字段 file）");
  ASSIGN_OR_RETURN(std::string name, UploadName(part->filename));
  auto mode_part = req.FormPart("mode");
  std::string mode_text = mode_part ? mode_part->content : req.Query("mode");
  ASSIGN_OR_RETURN(Mode mode, ParseMode(mode_text));
  TempDir dir;
  if (dir.path.empty()) return Error{ErrorCode::kInternal, "无法创建临时目录", ""};
  std::string path = (dir.path / name).string();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(part->content.data(), static_cast<std::streamsize>(part->content.size()));
    if (!out) return Error{ErrorCode::kInternal, "上传文件保存失败", ""};
  }
  ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
  ASSIGN_OR_RETURN(ImportReport rep, kind == "sales"
                                         ? ImportSales(ctx, req.principal(), path, mode)
                                         : ImportEntities(ctx, req.principal(), path, mode));
  Json errors = Json::array();
  for (size_t i = 0; i < rep.errors.size() && i < 100; ++i)
    errors.push_back({{"row", rep.errors[i].row},
                      {"column", rep.errors[i].column},
                      {"reason", rep.errors[i].reason}});
  Json out{{"batch_id", rep.rolled_back || rep.batch_id == 0 ? Json(nullptr) : Json(rep.batch_id)},
           {"already_imported", rep.already_imported},
           {"rolled_back", rep.rolled_back},
           {"rows_total", rep.rows_total},
           {"rows_imported", rep.rows_imported},
           {"rows_rejected", rep.rows_rejected},
           {"errors", errors},
           {"error_report_id", nullptr},
           {"error_workbook", nullptr}};
  if (rep.rows_rejected > 0 && !rep.already_imported) {
    ASSIGN_OR_RETURN(int64_t id, SaveErrorReport(d, req, kind, name, rep));
    out["error_report_id"] = id;
    out["error_workbook"] = "/api/v1/imports/errors/" + std::to_string(id);
  }
  return out;
}

Result<Json> ErrorWorkbook(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(int64_t id, PathId(req, 1));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT region_code, kind, errors_json, expires_at, "
                                          "rows_rejected FROM import_error_reports WHERE id = ?",
                                          {id}));
  auto missing = Error::NotFound("错误报告 " + std::to_string(id) + " 不存在或已过期");
  if (rows.empty() || rows[0].Int(3) < d.clock.NowMs()) return missing;
  auto region = RegionCode::Parse(rows[0].Text(0));
  if (!region.ok() || !req.principal().InScope(*region)) return missing;
  if (rows[0].Text(1) == "entities" && !req.principal().Can("entity:read")) return missing;
  ImportReport rep;
  rep.rows_rejected = rows[0].Int(4);
  Json errors = Json::parse(rows[0].Text(2), nullptr, false);
  if (errors.is_array()) {
    for (const auto& e : errors)
      rep.errors.push_back({e.value("row", int64_t{0}), e.value("column", std::string()),
                            e.value("reason", std::string())});
  }
  RETURN_IF_ERROR(
      XlsxReply(ErrorSheet(rep), "import-errors-" + std::to_string(id) + ".xlsx", reply));
  return Json::object();
}

std::string Flag(bool b) { return b ? "是" : "否"; }

std::string Dollars(const std::optional<int64_t>& cents) {
  if (!cents) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(*cents / 100),
                static_cast<long long>(*cents % 100));
  return buf;
}

PageRequest ExportPage() {
  PageRequest p;
  p.page_size = kMaxExportRows + 1;
  return p;
}

Status TooMany(int64_t total) {
  if (total <= kMaxExportRows) return {};
  return Error::Invalid("page_size",
                        "导出行数超过 " + std::to_string(kMaxExportRows) + " 行，请缩小筛选范围");
}

Result<Json> ExportEntities(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(queries::EntityFilter f, EntityFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListEntities(*conn, f, ExportPage()));
  RETURN_IF_ERROR(TooMany(p.total));
  spreadsheet::Sheet sheet{
      "经营主体",
      {"统一社会信用代码", "主体名称", "主体类型", "区划代码", "所属区划", "注册日期", "联系人",
       "联系电话", "利益联结", "订单农业", "带动贫困户", "网店数", "品牌数"},
      {},
      {}};
  for (const auto& r : p.items) {
    const auto& e = r.entity;
    sheet.rows.push_back({e.uscc, e.name, entity::KindLabel(e.kind), e.region.str(), r.region_name,
                          e.registered_on ? e.registered_on->ToString() : "", e.contact_name,
                          e.mobile_masked.value_or(""), Flag(e.linkage.model),
                          Flag(e.linkage.contract_farming), Flag(e.linkage.employs_poor),
                          std::to_string(r.shop_count), std::to_string(r.brand_count)});
  }
  RETURN_IF_ERROR(FileReply(req, sheet, "entities", reply));
  return Json::object();
}

Result<Json> ExportSales(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(queries::SalesFilter f, SalesFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListSales(*conn, f, ExportPage()));
  RETURN_IF_ERROR(TooMany(p.total));
  spreadsheet::Sheet sheet{"网络销售台账",
                           {"记录编号", "主体编号", "主体名称", "区划代码", "所属区划", "所属期",
                            "平台", "方向", "农产品", "品类", "网络销售额(元)", "订单数",
                            "出口额(美元)", "来源", "导入批次", "当前记录", "更正原因"},
                           {},
                           {}};
  for (const auto& r : p.items) {
    const auto& s = r.record;
    sheet.rows.push_back(
        {std::to_string(s.id), std::to_string(s.in.entity_id), r.entity_name, s.region.str(),
         r.region_name, s.in.period, s.in.platform,
         s.in.direction == Direction::kUplink ? "上行" : "下行", Flag(s.in.agricultural),
         s.in.category, s.in.amount.ToPlain(), s.in.orders ? std::to_string(*s.in.orders) : "",
         Dollars(s.in.export_usd_cents), SourceName(s.source),
         s.batch_id ? std::to_string(*s.batch_id) : "", Flag(s.is_current), s.correction_reason});
  }
  RETURN_IF_ERROR(FileReply(req, sheet, "sales", reply));
  return Json::object();
}

}  // namespace

void RegisterImportRoutes(http::Server& s, const Deps& d) {
  s.Post("/sales/import", {.permission = "sales:import"},
         [d](Request& req, Reply&) { return Upload(d, req, "sales"); });
  s.Post("/entities/import", {.permission = "entity:edit"},
         [d](Request& req, Reply&) { return Upload(d, req, "entities"); });
  s.Get(R"(/imports/errors/(\d+))", {.permission = "sales:read"},
        [d](Request& req, Reply& r) { return ErrorWorkbook(d, req, r); });
  s.Get("/sales/template", {.permission = "sales:read"}, [](Request&, Reply& r) -> Result<Json> {
    RETURN_IF_ERROR(XlsxReply(SalesTemplate(), "sales-template.xlsx", r));
    return Json::object();
  });
  s.Get("/entities/template", {.permission = "entity:read"},
        [](Request&, Reply& r) -> Result<Json> {
          RETURN_IF_ERROR(XlsxReply(EntitiesTemplate(), "entities-template.xlsx", r));
          return Json::object();
        });
  s.Get("/entities/export", {.permission = "entity:read"},
        [d](Request& req, Reply& r) { return ExportEntities(d, req, r); });
  s.Get("/sales/export", {.permission = "sales:read"},
        [d](Request& req, Reply& r) { return ExportSales(d, req, r); });
}

}  // namespace ruralec::sales::api
