// Error workbooks of imports made through the HTTP API (import_error_reports), so the workbook
// can be downloaded after the upload answered; kept 7 days, then deleted by the next save.
// errors_json = {"errors": [{row, column, reason}], "sealed": FieldCipher text of the rows as
// read (headers, each error's cells, the passed rows, which columns are personal) and the
// totals}; a bare error array is what reports stored before the rows were kept look like.
#include <nlohmann/json.hpp>

#include "crypto/person_name.h"
#include "imports/imports.h"

namespace ruralec::imports {
namespace {

using nlohmann::json;

constexpr int64_t kErrorReportTtlMs = 7LL * 24 * 3600 * 1000;
constexpr char kSealContext[] = "import_error_reports.rows";

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json Sealed(const ImportReport& rep) {
  json cells = json::array(), passed = json::array(), personal = json::array();
  for (const auto& e : rep.errors) cells.push_back(e.cells);
  for (const auto& r : rep.passed) passed.push_back({{"row", r.number}, {"cells", r.cells}});
  for (const auto& [col, kind] : rep.personal) personal.push_back({col, static_cast<int>(kind)});
  return {{"headers", rep.headers},
          {"cells", cells},
          {"passed", passed},
          {"personal", personal},
          {"sheet", rep.sheet},
          {"encoding", rep.encoding},
          {"rolled_back", rep.rolled_back},
          {"rows_total", rep.rows_total},
          {"rows_imported", rep.rows_imported}};
}

std::vector<std::string> Strings(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j) out.push_back(v.is_string() ? v.get<std::string>() : std::string());
  return out;
}

void Unseal(const json& j, ImportReport& rep) {
  if (!j.is_object()) return;
  rep.headers = Strings(j.value("headers", json::array()));
  const json cells = j.value("cells", json::array());
  for (size_t i = 0; i < rep.errors.size() && i < cells.size(); ++i)
    rep.errors[i].cells = Strings(cells[i]);
  for (const auto& r : j.value("passed", json::array()))
    rep.passed.push_back({r.value("row", int64_t{0}), Strings(r.value("cells", json::array()))});
  for (const auto& p : j.value("personal", json::array())) {
    if (p.is_array() && p.size() == 2 && p[0].is_number_unsigned() && p[1].is_number_integer())
      rep.personal.emplace_back(p[0].get<size_t>(), static_cast<Personal>(p[1].get<int>()));
  }
  rep.sheet = j.value("sheet", std::string());
  rep.encoding = j.value("encoding", std::string());
  rep.rolled_back = j.value("rolled_back", false);
  rep.rows_total = j.value("rows_total", int64_t{0});
  rep.rows_imported = j.value("rows_imported", int64_t{0});
}

std::string Mask(const std::string& cell, Personal kind) {
  if (cell.empty()) return cell;
  switch (kind) {
    case Personal::kIdNumber:
      return crypto::MaskIdNumber(cell);
    case Personal::kMobile:
      return crypto::MaskMobile(cell);
    case Personal::kName:
      return crypto::MaskPersonName(cell);
    case Personal::kNo:
      break;
  }
  return cell;
}

}  // namespace

Result<int64_t> SaveErrorReport(storage::Database& db, const crypto::FieldCipher& cipher,
                                const account::Principal& who, int64_t now, const std::string& kind,
                                const std::string& file, const ImportReport& rep) {
  json errors = json::array();
  for (const auto& e : rep.errors)
    errors.push_back({{"row", e.row}, {"column", e.column}, {"reason", e.reason}});
  std::string stored =
      Dump({{"errors", errors}, {"sealed", cipher.Encrypt(Dump(Sealed(rep)), kSealContext)}});
  storage::Value batch = rep.rolled_back || rep.batch_id == 0 ? storage::Value{storage::Null{}}
                                                              : storage::Value{rep.batch_id};
  auto conn = db.Acquire();
  return storage::InTransaction<int64_t>(*conn, storage::TxMode::kWrite, [&]() -> Result<int64_t> {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM import_error_reports WHERE expires_at < ?", {now}));
    ASSIGN_OR_RETURN(
        storage::Row row,
        conn->QueryOne("INSERT INTO import_error_reports (county_code, region_code, kind, "
                       "batch_id, file_name, rows_rejected, errors_json, created_by, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {who.region.county().str(), who.region.str(), kind, batch, file,
                        rep.rows_rejected, stored, who.id.value, now, now + kErrorReportTtlMs},
                       "insert error report"));
    return row.Int(0);
  });
}

namespace {

Result<StoredErrorReport> Load(storage::Connection& conn, const crypto::FieldCipher* cipher,
                               int64_t id, int64_t now) {
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
  json j = json::parse(rows[0].Text(2), nullptr, false);
  json errors = j.is_object() ? j.value("errors", json::array()) : j;
  if (!errors.is_array()) return out;
  for (const auto& e : errors)
    out.report.errors.push_back({e.value("row", int64_t{0}), e.value("column", std::string()),
                                 e.value("reason", std::string())});
  if (cipher && j.is_object() && j.value("sealed", json()).is_string()) {
    auto plain = cipher->Decrypt(j["sealed"].get<std::string>(), kSealContext);
    if (plain.ok()) Unseal(json::parse(*plain, nullptr, false), out.report);
  }
  return out;
}

}  // namespace

Result<StoredErrorReport> LoadErrorReport(storage::Connection& conn, int64_t id, int64_t now) {
  return Load(conn, nullptr, id, now);
}

Result<StoredErrorReport> LoadErrorReport(storage::Connection& conn,
                                          const crypto::FieldCipher& cipher, int64_t id,
                                          int64_t now) {
  return Load(conn, &cipher, id, now);
}

ImportReport MaskPersonal(ImportReport rep) {
  auto mask = [&rep](std::vector<std::string>& cells) {
    for (const auto& [col, kind] : rep.personal) {
      if (col < cells.size()) cells[col] = Mask(cells[col], kind);
    }
  };
  for (auto& e : rep.errors) mask(e.cells);
  for (auto& r : rep.passed) mask(r.cells);
  rep.personal_masked = !rep.personal.empty();
  return rep;
}

}  // namespace ruralec::imports
