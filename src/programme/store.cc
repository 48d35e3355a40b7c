#include "programme/store.h"

#include "crypto/crypto.h"

namespace ruralec::programme {
namespace {

using storage::Null;
using storage::Params;
using storage::Value;

Value OptDate(const std::optional<CivilDate>& d) {
  return d ? Value(d->ToString()) : Value(Null{});
}

Result<int64_t> InsertId(storage::Connection& conn, std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(sql) + " RETURNING id", params));
  if (rows.empty()) return Error::Internal("insert returned no id");
  return rows[0].Int(0);
}

}  // namespace

Result<StoredVersion> StoreProgramme(storage::Connection& conn, const Programme& p,
                                     const std::string& text, const std::string& source_file,
                                     int64_t now_ms) {
  if (p.region.resolved_code.empty()) {
    return Error::Invalid("region", "方案区划未解析（请先检查文件）");
  }
  std::string sha = crypto::Sha256Hex(text);
  return storage::InTransaction<StoredVersion>(
      conn, storage::TxMode::kWrite, [&]() -> Result<StoredVersion> {
        ASSIGN_OR_RETURN(
            auto same,
            conn.QueryOptional(
                "SELECT id, version FROM programmes WHERE programme_key = ? AND content_sha256 = ?",
                {p.id, sha}));
        if (same) return StoredVersion{same->Int(0), p.id, static_cast<int>(same->Int(1)), false};
        ASSIGN_OR_RETURN(
            auto last,
            conn.QueryOne(
                "SELECT COALESCE(MAX(version), 0) FROM programmes WHERE programme_key = ?", {p.id},
                "programme"));
        int version = static_cast<int>(last.Int(0)) + 1;
        ASSIGN_OR_RETURN(
            int64_t pid,
            InsertId(
                conn,
                "INSERT INTO programmes (county_code, programme_key, version, content_sha256, "
                "name, kind, status, document_number, issued_on, region_code, period_start, "
                "period_end, source_file, source_text, loaded_at, target_count, task_count) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                {p.region.resolved_code, p.id, int64_t{version}, sha, p.name, p.kind, p.status,
                 p.document_number, OptDate(p.issued_on), p.region.resolved_code,
                 OptDate(p.period_start), OptDate(p.period_end), source_file, text, now_ms,
                 static_cast<int64_t>(p.targets.size()), static_cast<int64_t>(p.tasks.size())}));
        return StoredVersion{pid, p.id, version, true};
      });
}

Result<std::vector<ProgrammeRow>> ListProgrammes(storage::Connection& conn,
                                                 const std::string& scope_prefix) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT p.id, p.programme_key, p.version, p.name, p.document_number, "
                 "p.region_code, p.target_count, p.task_count FROM programmes p WHERE "
                 "p.region_code LIKE ? AND "
                 "p.version = (SELECT MAX(version) FROM programmes q WHERE q.programme_key = "
                 "p.programme_key) ORDER BY p.programme_key",
                 {scope_prefix + "%"}));
  std::vector<ProgrammeRow> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.Text(5),
                   r.Int(6), r.Int(7)});
  }
  return out;
}

Result<ProgrammeRow> GetProgrammeRow(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto r, conn.QueryOptional("SELECT id, programme_key, version, name, "
                                              "document_number, region_code FROM programmes "
                                              "WHERE id = ?",
                                              {id}));
  if (!r) return Error::NotFound("方案不存在: " + std::to_string(id));
  return ProgrammeRow{
      r->Int(0), r->Text(1), static_cast<int>(r->Int(2)), r->Text(3), r->Text(4), r->Text(5), 0, 0};
}

Result<int64_t> LatestVersionId(storage::Connection& conn, const std::string& key) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT MAX(id) FROM programmes WHERE "
                                           "programme_key = ?",
                                           {key}, "programme"));
  if (row.IsNull(0)) return Error::NotFound("方案不存在: " + key);
  return row.Int(0);
}

Result<std::vector<VersionRow>> ListVersions(storage::Connection& conn, const std::string& key) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, version, name, document_number, source_file, "
                                         "content_sha256, loaded_at, target_count, task_count FROM "
                                         "programmes WHERE programme_key = ? ORDER BY version DESC",
                                         {key}));
  std::vector<VersionRow> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4), r.Text(5),
                   r.Int(6), r.Int(7), r.Int(8)});
  }
  return out;
}

}  // namespace ruralec::programme
