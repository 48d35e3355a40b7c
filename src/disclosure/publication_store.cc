#include "disclosure/publication_store.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::disclosure::store {
namespace {

constexpr const char* kFrom = " FROM disclosure_publications p";

const storage::Columns kCols(
    "p.id, p.county_code, p.kind, p.source_id, p.subject, p.title, p.summary, p.version, "
    "p.status, p.content_sha256, p.created_by, p.created_name, p.created_at, p.submitted_by, "
    "p.submitted_name, p.submitted_at, p.published_by, p.published_name, p.published_at, "
    "p.superseded_by, p.superseded_at, p.withdrawn_by, p.withdrawn_name, p.withdrawn_at, "
    "p.withdraw_reason");

Publication FromRow(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  Publication p;
  p.id = r.Int("id");
  p.county = *RegionCode::Parse(r.Text("county_code"));
  auto kind = ParseKind(r.Text("kind"));
  p.kind = kind.ok() ? *kind : Kind::kProgramme;
  p.source_id = r.OptInt("source_id");
  p.subject = r.Text("subject");
  p.title = r.Text("title");
  p.summary = r.Text("summary");
  p.version = static_cast<int>(r.Int("version"));
  auto st = ParseState(r.Text("status"));
  p.status = st.ok() ? *st : State::kDraft;
  p.content_sha256 = r.Text("content_sha256");
  p.created_by = r.OptInt("created_by");
  p.created_name = r.Text("created_name");
  p.created_at = r.Int("created_at");
  p.submitted_by = r.OptInt("submitted_by");
  p.submitted_name = r.Text("submitted_name");
  p.submitted_at = r.OptInt("submitted_at");
  p.published_by = r.OptInt("published_by");
  p.published_name = r.Text("published_name");
  p.published_at = r.OptInt("published_at");
  p.superseded_by = r.OptInt("superseded_by");
  p.superseded_at = r.OptInt("superseded_at");
  p.withdrawn_by = r.OptInt("withdrawn_by");
  p.withdrawn_name = r.Text("withdrawn_name");
  p.withdrawn_at = r.OptInt("withdrawn_at");
  p.withdraw_reason = r.Text("withdraw_reason");
  return p;
}

Result<std::vector<Publication>> Select(storage::Connection& conn, const storage::Where& w,
                                        const std::string& order) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT " + kCols.List() + kFrom + w.Clause() + order, w.params()));
  std::vector<Publication> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

Status One(Result<int64_t> changed) {
  if (!changed.ok()) return changed.error();
  if (*changed != 1) return Error::Conflict("公开信息的状态已变化，请刷新后重试", "id");
  return {};
}

}  // namespace

Result<int64_t> Insert(storage::Connection& conn, const Publication& p) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO disclosure_publications (county_code, kind, source_id, subject, "
                    "title, summary, version, status, content, content_sha256, created_by, "
                    "created_name, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 'draft', ?, ?, ?, ?, "
                    "?) RETURNING id",
                    {p.county.str(), std::string(KindName(p.kind)), storage::OrNull(p.source_id),
                     p.subject, p.title, p.summary, p.content, p.content_sha256,
                     storage::OrNull(p.created_by), p.created_name, p.created_at},
                    "insert publication"));
  return row.Int(0);
}

Result<Publication> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kCols.List() + ", p.content" + kFrom + " WHERE p.id = ?", {id}));
  if (rows.empty()) return Error::NotFound("公开信息 " + std::to_string(id) + " 不存在");
  Publication p = FromRow(rows[0]);
  p.content = rows[0].Text(kCols.Index("withdraw_reason") + 1);
  return p;
}

Result<Page<Publication>> List(storage::Connection& conn, const Filter& f,
                               const PageRequest& page) {
  storage::Where w;
  w.InSubtree("p.county_code", f.region);
  if (f.kind) w.Eq("p.kind", std::string(KindName(*f.kind)));
  if (f.status) w.Eq("p.status", std::string(StateName(*f.status)));
  return storage::QueryPage<Publication>(conn, kCols.List(), kFrom, w, " ORDER BY p.id DESC", page,
                                         FromRow);
}

Result<std::vector<Publication>> SlotVersions(storage::Connection& conn, const Publication& p) {
  storage::Where w;
  w.Eq("p.county_code", p.county.str())
      .Eq("p.kind", std::string(KindName(p.kind)))
      .Eq("p.subject", p.subject)
      .Cmp("p.version", ">", int64_t{0});
  return Select(conn, w, " ORDER BY p.version DESC");
}

Result<std::vector<Publication>> CountyVersions(storage::Connection& conn,
                                                const RegionCode& county) {
  storage::Where w;
  w.Eq("p.county_code", county.str()).Cmp("p.version", ">", int64_t{0});
  return Select(conn, w, " ORDER BY p.kind, p.subject, p.version DESC");
}

Result<std::vector<RegionCode>> PublishingCounties(storage::Connection& conn) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT DISTINCT county_code FROM disclosure_publications "
                                         "WHERE version > 0 ORDER BY county_code"));
  std::vector<RegionCode> out;
  for (const auto& r : rows)
    if (auto code = RegionCode::Parse(r.Text(0)); code.ok()) out.push_back(*code);
  return out;
}

Status MarkSubmitted(storage::Connection& conn, const Publication& p) {
  return One(conn.Exec(
      "UPDATE disclosure_publications SET status = 'submitted', submitted_by = ?, "
      "submitted_name = ?, submitted_at = ? WHERE id = ? AND status = 'draft'",
      {storage::OrNull(p.submitted_by), p.submitted_name, storage::OrNull(p.submitted_at), p.id}));
}

Status MarkPublished(storage::Connection& conn, const Publication& p) {
  return One(conn.Exec(
      "UPDATE disclosure_publications SET status = 'published', version = ?, published_by = ?, "
      "published_name = ?, published_at = ? WHERE id = ? AND status = 'submitted'",
      {int64_t{p.version}, storage::OrNull(p.published_by), p.published_name,
       storage::OrNull(p.published_at), p.id}));
}

Status MarkSuperseded(storage::Connection& conn, int64_t id, int64_t by, int64_t at) {
  return One(
      conn.Exec("UPDATE disclosure_publications SET status = 'superseded', superseded_by = ?, "
                "superseded_at = ? WHERE id = ? AND status = 'published'",
                {by, at, id}));
}

Status MarkWithdrawn(storage::Connection& conn, const Publication& p) {
  return One(conn.Exec(
      "UPDATE disclosure_publications SET status = 'withdrawn', withdrawn_by = ?, "
      "withdrawn_name = ?, withdrawn_at = ?, withdraw_reason = ? WHERE id = ? AND status <> "
      "'withdrawn'",
      {storage::OrNull(p.withdrawn_by), p.withdrawn_name, storage::OrNull(p.withdrawn_at),
       p.withdraw_reason, p.id}));
}

}  // namespace ruralec::disclosure::store
