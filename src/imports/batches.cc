#include "imports/batches.h"

#include "account/recorders.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::imports {
namespace {

const storage::Columns kBatch(
    "id, county_code, kind, file_name, mode, rows_total, rows_imported, rows_rejected, "
    "rows_updated, created_by, created_at, undone_at, undone_by");

Result<Batch> BatchFrom(const storage::Row& row) {
  storage::NamedRow r(row, kBatch);
  Batch b;
  b.id = r.Int("id");
  ASSIGN_OR_RETURN(b.county, RegionCode::Parse(r.Text("county_code")));
  b.kind = r.Text("kind");
  b.file_name = r.Text("file_name");
  b.mode = r.Text("mode");
  b.rows_total = r.Int("rows_total");
  b.rows_imported = r.Int("rows_imported");
  b.rows_rejected = r.Int("rows_rejected");
  b.rows_updated = r.Int("rows_updated");
  b.created_by = r.OptInt("created_by");
  b.created_at = r.Int("created_at");
  b.undone_at = r.OptInt("undone_at");
  b.undone_by = r.OptInt("undone_by");
  return b;
}

}  // namespace

Result<Batch> GetBatch(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kBatch.List() + " FROM import_batches WHERE id = ?", {id}));
  if (!row) return Error::NotFound("导入批次 " + std::to_string(id) + " 不存在");
  return BatchFrom(*row);
}

Result<Page<Batch>> ListBatches(storage::Connection& conn, const BatchFilter& f,
                                const PageRequest& page) {
  storage::Where w;
  w.Eq("county_code", f.county.county().str()).EqIf("kind", f.kind);
  std::string mine = f.created_by ? "created_by = ?" : "1 = 0";
  storage::Params p;
  if (f.created_by) p.emplace_back(*f.created_by);
  for (const auto& k : f.all_of) {
    mine += " OR kind = ?";
    p.emplace_back(k);
  }
  w.Sql("(" + mine + ")", p);
  ASSIGN_OR_RETURN(Page<Batch> out,
                   storage::QueryPage<Batch>(conn, kBatch.List(), "FROM import_batches", w,
                                             " ORDER BY id DESC", page, BatchFrom));
  RETURN_IF_ERROR(account::NameRecorders(
      conn, out.items, [](const Batch& b) { return b.created_by; },
      [](Batch& b) -> std::string& { return b.created_by_name; }));
  RETURN_IF_ERROR(account::NameRecorders(
      conn, out.items, [](const Batch& b) { return b.undone_by; },
      [](Batch& b) -> std::string& { return b.undone_by_name; }));
  return out;
}

Status MayUndo(const Batch& b, const account::Principal& who, const std::string& permission) {
  bool importer = b.created_by && *b.created_by == who.id.value;
  bool county_admin = who.Can(permission) && who.region.level() == RegionLevel::kCounty &&
                      who.region == b.county.county();
  if (!importer && !county_admin)
    return Error::Forbidden("只有导入人或本县有导入权限的县级人员可以撤销此批次");
  if (b.undone_at) return Error::Conflict("该批次已撤销");
  if (b.rows_updated > 0)
    return Error::Conflict("该批次更新了 " + std::to_string(b.rows_updated) +
                           " 条已有记录，撤销无法恢复原值，不能撤销；请逐条更正");
  if (b.rows_imported == 0) return Error::Conflict("该批次没有导入任何行，无需撤销");
  return {};
}

Status MarkUndone(storage::Connection& conn, int64_t id, storage::Stamp stamp) {
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE import_batches SET undone_at = ?, undone_by = ?, "
                                        "file_hash = 'undone#' || file_hash WHERE id = ? AND "
                                        "undone_at IS NULL",
                                        {stamp.now_ms, storage::OrNull(stamp.by), id}));
  if (n == 0) return Error::Conflict("该批次已撤销");
  return {};
}

}  // namespace ruralec::imports
