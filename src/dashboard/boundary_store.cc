#include "dashboard/boundary_store.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::dashboard::store {
namespace {

const storage::Columns kCols(
    "county_code, geojson, features, sha256, approval_number, uploaded_by, uploaded_at");

}  // namespace

Status PutBoundary(storage::Connection& conn, const Boundary& b) {
  auto r = conn.Exec(
      "INSERT INTO dashboard_boundaries (county_code, geojson, features, sha256, approval_number, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (county_code) DO UPDATE "
      "SET geojson = excluded.geojson, features = excluded.features, sha256 = excluded.sha256, "
      "approval_number = excluded.approval_number, uploaded_by = excluded.uploaded_by, "
      "uploaded_at = excluded.uploaded_at",
      {b.county_code, b.geojson, b.features, b.sha256, b.approval_number,
       storage::OrNull(b.uploaded_by), b.uploaded_at});
  if (!r.ok()) return r.take_error();
  return {};
}

Result<std::optional<Boundary>> GetBoundary(storage::Connection& conn, const std::string& county) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kCols.List() +
                                             " FROM dashboard_boundaries WHERE county_code = ?",
                                         {county}));
  if (rows.empty()) return std::optional<Boundary>{};
  storage::NamedRow r(rows[0], kCols);
  return std::optional<Boundary>{Boundary{
      r.Text("county_code"), r.Text("geojson"), r.Text("sha256"), r.Text("approval_number"),
      r.Int("features"), r.OptInt("uploaded_by"), r.Int("uploaded_at")}};
}

}  // namespace ruralec::dashboard::store
