// The attachments module's only SQL, on its own table `attachments` (attachments.h).
#include <algorithm>

#include "attachments/attachments.h"
#include "crypto/crypto.h"
#include "storage/in_list.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::attachments {
namespace {

const storage::Columns kCols(
    "id, owner_module, owner_kind, owner_id, county_code, slot, filename, content_type, "
    "size_bytes, sha256, uploaded_by, uploaded_name, created_at");

File FromRow(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  File f;
  f.id = r.Int("id");
  f.owner = {r.Text("owner_module"), r.Text("owner_kind"), r.Int("owner_id")};
  f.county_code = r.Text("county_code");
  f.slot = r.Text("slot");
  f.filename = r.Text("filename");
  f.content_type = r.Text("content_type");
  f.size = r.Int("size_bytes");
  f.sha256 = r.Text("sha256");
  f.uploaded_by = r.OptInt("uploaded_by");
  f.uploaded_name = r.Text("uploaded_name");
  f.created_at = r.Int("created_at");
  return f;
}

constexpr const char* kOwnerIs = " WHERE owner_module = ? AND owner_kind = ? AND owner_id";

}  // namespace

Result<File> Add(storage::Connection& conn, const Upload& up, std::string_view filename,
                 std::string_view bytes, const Limits& limits) {
  ASSIGN_OR_RETURN(CheckedFile checked, CheckAttachment(filename, bytes, limits));
  return Store(conn, up, checked, bytes);
}

Result<File> Store(storage::Connection& conn, const Upload& up, const CheckedFile& checked,
                   std::string_view bytes) {
  File f;
  f.owner = up.owner;
  f.county_code = up.county_code;
  f.slot = up.slot;
  f.filename = checked.filename;
  f.content_type = checked.content_type;
  f.size = static_cast<int64_t>(bytes.size());
  f.sha256 = crypto::Sha256Hex(bytes);
  f.uploaded_by = up.uploaded_by;
  f.uploaded_name = up.uploaded_name;
  f.created_at = up.created_at;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO attachments (owner_module, owner_kind, owner_id, county_code, "
                    "slot, filename, content_type, size_bytes, sha256, content_base64, "
                    "uploaded_by, uploaded_name, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {f.owner.module, f.owner.kind, f.owner.id, f.county_code, f.slot, f.filename,
                     f.content_type, f.size, f.sha256, crypto::Base64Encode(bytes),
                     storage::OrNull(f.uploaded_by), f.uploaded_name, f.created_at},
                    "insert attachment"));
  f.id = row.Int(0);
  return f;
}

Result<std::vector<File>> List(storage::Connection& conn, const Owner& owner,
                               std::optional<std::string> slot) {
  storage::Params p{owner.module, owner.kind, owner.id};
  std::string sql = "SELECT " + kCols.List() + " FROM attachments" + kOwnerIs + " = ?";
  if (slot) {
    sql += " AND slot = ?";
    p.emplace_back(*slot);
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql + " ORDER BY id", p));
  std::vector<File> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<File>> ListOf(storage::Connection& conn, const std::string& module,
                                 const std::string& kind, const std::vector<int64_t>& ids) {
  std::vector<File> out;
  RETURN_IF_ERROR(
      storage::ForIdChunks("SELECT " + kCols.List() + " FROM attachments" + kOwnerIs, ids, "",
                           [&](const std::string& sql, const storage::Params& chunk) -> Status {
                             storage::Params p{module, kind};
                             p.insert(p.end(), chunk.begin(), chunk.end());
                             ASSIGN_OR_RETURN(auto rows, conn.Query(sql, p));
                             for (const auto& r : rows) out.push_back(FromRow(r));
                             return {};
                           }));
  std::sort(out.begin(), out.end(), [](const File& a, const File& b) { return a.id < b.id; });
  return out;
}

Result<std::map<int64_t, int64_t>> Counts(storage::Connection& conn, const std::string& module,
                                          const std::string& kind,
                                          const std::vector<int64_t>& ids) {
  std::map<int64_t, int64_t> out;
  RETURN_IF_ERROR(storage::ForIdChunks(
      "SELECT owner_id, COUNT(*) FROM attachments" + std::string(kOwnerIs), ids,
      " GROUP BY owner_id", [&](const std::string& sql, const storage::Params& chunk) -> Status {
        storage::Params p{module, kind};
        p.insert(p.end(), chunk.begin(), chunk.end());
        ASSIGN_OR_RETURN(auto rows, conn.Query(sql, p));
        for (const auto& r : rows) out[r.Int(0)] = r.Int(1);
        return {};
      }));
  return out;
}

Result<int64_t> Count(storage::Connection& conn, const Owner& owner) {
  ASSIGN_OR_RETURN(auto counts, Counts(conn, owner.module, owner.kind, {owner.id}));
  auto it = counts.find(owner.id);
  return it == counts.end() ? 0 : it->second;
}

Result<std::optional<std::pair<File, std::string>>> ReadOf(storage::Connection& conn,
                                                           const std::string& module,
                                                           const std::string& kind,
                                                           int64_t file_id) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional("SELECT " + kCols.List() +
                                          ", content_base64 FROM attachments WHERE "
                                          "owner_module = ? AND owner_kind = ? AND id = ?",
                                      {module, kind, file_id}));
  if (!row) return std::optional<std::pair<File, std::string>>{};
  ASSIGN_OR_RETURN(std::string bytes, crypto::Base64Decode(row->Text(13)));
  return std::optional<std::pair<File, std::string>>{std::make_pair(FromRow(*row), bytes)};
}

Result<std::optional<std::pair<File, std::string>>> Read(storage::Connection& conn,
                                                         const Owner& owner, int64_t file_id) {
  ASSIGN_OR_RETURN(auto found, ReadOf(conn, owner.module, owner.kind, file_id));
  if (found && found->first.owner.id != owner.id) found.reset();
  return found;
}

}  // namespace ruralec::attachments
