// Error workbooks of imports made through the HTTP API (import_error_reports), so the workbook
// can be downloaded after the upload answered; kept 7 days, then deleted by the next save.
#include <nlohmann/json.hpp>

#include "imports/imports.h"

namespace ruralec::imports {
namespace {

constexpr int64_t kErrorReportTtlMs = 7LL * 24 * 3600 * 1000;

}  // namespace

Result<int64_t> SaveErrorReport(storage::Database& db, const account::Principal& who, int64_t now,
                                const std::string& kind, const std::string& file,
                                const ImportReport& rep) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : rep.errors)
    errors.push_back({{"row", e.row}, {"column", e.column}, {"reason", e.reason}});
  storage::Value batch = rep.rolled_back || rep.batch_id == 0 ? storage::Value{storage::Null{}}
                                                              : storage::Value{rep.batch_id};
  auto conn = db.Acquire();
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

Result<StoredErrorReport> LoadErrorReport(storage::Connection& conn, int64_t id, int64_t now) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT region_code, kind, errors_json, expires_at, "
                              "rows_rejected, created_by FROM import_error_reports WHERE id = ?",
                              {id}));
  auto missing = Error::NotFound("错误报告 " + std::to_string(id) + " 不存在或已过期");
  if (rows.empty() || rows[0].Int(3) < now) return missing;
  auto region = RegionCode::Parse(rows[0].Text(0));
  if (!region.ok()) return missing;
  StoredErrorReport out{*region, rows[0].Text(1), {}};
  out.report.rows_rejected = rows[0].Int(4);
  out.created_by = rows[0].OptInt(5);
  nlohmann::json errors = nlohmann::json::parse(rows[0].Text(2), nullptr, false);
  if (errors.is_array()) {
    for (const auto& e : errors)
      out.report.errors.push_back({e.value("row", int64_t{0}), e.value("column", std::string()),
                                   e.value("reason", std::string())});
  }
  return out;
}

}  // namespace ruralec::imports
