#include "projects/findings_store.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::projects::store {
namespace {

const storage::Columns kFCols(
    "f.id, f.county_code, f.region_code, f.project_id, COALESCE(p.name, '') AS project_name, "
    "f.source, f.found_on, f.title, f.detail, f.requirement, f.owner_unit, f.due_on, f.status, "
    "f.status_on, f.created_by, f.created_at, f.updated_at");
constexpr const char* kFFrom =
    "FROM project_findings f LEFT JOIN projects p ON p.id = f.project_id";

std::string EvidenceList(const std::vector<int64_t>& ids) {
  std::vector<std::string> s;
  for (int64_t id : ids) s.push_back(std::to_string(id));
  return s.empty() ? std::string() : storage::JoinedList(s);
}

storage::Value DateOrNull(const std::optional<CivilDate>& d) {
  return d ? storage::Value{d->ToString()} : storage::Value{storage::Null{}};
}

CivilDate DateOf(const std::string& t) {
  auto d = CivilDate::Parse(t);
  return d.ok() ? *d : CivilDate{};
}
FindingStatus StatusOf(const std::string& s) {
  auto st = ParseFindingStatus(s);
  return st.ok() ? *st : FindingStatus::kOpen;
}
std::string Name(FindingStatus s) { return FindingStatusName(s); }

Finding ToFinding(const storage::Row& row) {
  storage::NamedRow r(row, kFCols);
  Finding f;
  f.id = r.Int("id");
  f.county_code = r.Text("county_code");
  f.region = *RegionCode::Parse(r.Text("region_code"));
  f.project_id = r.OptInt("project_id");
  f.project_name = r.Text("project_name");
  f.source = r.Text("source");
  f.found_on = DateOf(r.Text("found_on"));
  f.title = r.Text("title");
  f.detail = r.Text("detail");
  f.requirement = r.Text("requirement");
  f.owner_unit = r.Text("owner_unit");
  f.due_on = DateOf(r.Text("due_on"));
  f.status = StatusOf(r.Text("status"));
  f.status_on = DateOf(r.Text("status_on"));
  f.created_by = r.OptInt("created_by");
  f.created_at = r.Int("created_at");
  f.updated_at = r.Int("updated_at");
  return f;
}

const storage::Columns kMCols(
    "id, finding_id, seq, from_status, to_status, on_date, idempotency_key, fingerprint, note, "
    "actor_id, actor_name, created_at, due_on, previous_due_on, evidence");

FindingMove ToMove(const storage::Row& row) {
  storage::NamedRow r(row, kMCols);
  FindingMove m;
  m.id = r.Int("id");
  m.finding_id = r.Int("finding_id");
  m.seq = static_cast<int>(r.Int("seq"));
  m.from = StatusOf(r.Text("from_status"));
  m.to = StatusOf(r.Text("to_status"));
  m.on = DateOf(r.Text("on_date"));
  m.idempotency_key = r.Text("idempotency_key");
  m.note = r.Text("note");
  m.actor_id = r.OptInt("actor_id");
  m.actor_name = r.Text("actor_name");
  m.created_at = r.Int("created_at");
  if (auto due = r.OptText("due_on")) m.due_on = DateOf(*due);
  if (auto prev = r.OptText("previous_due_on")) m.previous_due_on = DateOf(*prev);
  for (const auto& s : storage::SplitList(r.Text("evidence"))) m.evidence.push_back(std::stoll(s));
  return m;
}

}  // namespace

Result<int64_t> InsertFinding(storage::Connection& conn, const Finding& f, int64_t now_ms) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO project_findings (county_code, region_code, project_id, source, "
                    "found_on, title, detail, requirement, owner_unit, due_on, status, status_on, "
                    "created_by, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {f.county_code, f.region.str(), storage::OrNull(f.project_id), f.source,
                     f.found_on.ToString(), f.title, f.detail, f.requirement, f.owner_unit,
                     f.due_on.ToString(), Name(f.status), f.status_on.ToString(),
                     storage::OrNull(f.created_by), now_ms, now_ms},
                    "insert finding"));
  return row.Int(0);
}

Result<std::optional<Finding>> GetFinding(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kFCols.List() + " " + kFFrom + " WHERE f.id = ?", {id}));
  if (!row) return std::optional<Finding>();
  return std::optional<Finding>(ToFinding(*row));
}

Result<Page<Finding>> ListFindings(storage::Connection& conn, const FindingFilter& f,
                                   CivilDate today, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("f.region_code", f.region);
  if (f.status) w.Eq("f.status", Name(*f.status));
  w.EqIf("f.source", f.source);
  w.EqIf("f.project_id", f.project_id);
  w.ContainsIf({"f.title", "f.owner_unit"}, f.q);
  if (f.overdue_only) w.Sql("f.status <> 'closed' AND f.due_on < ?", {today.ToString()});
  return storage::QueryPage<Finding>(
      conn, kFCols.List(), kFFrom, w,
      " ORDER BY CASE WHEN f.status = 'closed' THEN 1 ELSE 0 END, f.due_on, f.id", page, ToFinding);
}

Status SetFindingDue(storage::Connection& conn, int64_t id, CivilDate due_on) {
  auto r =
      conn.Exec("UPDATE project_findings SET due_on = ? WHERE id = ?", {due_on.ToString(), id});
  if (!r.ok()) return r.take_error();
  return {};
}

Status SetFindingStatus(storage::Connection& conn, int64_t id, FindingStatus s, CivilDate on,
                        int64_t now_ms) {
  auto r = conn.Exec(
      "UPDATE project_findings SET status = ?, status_on = ?, updated_at = ? WHERE id = ?",
      {Name(s), on.ToString(), now_ms, id});
  if (!r.ok()) return r.take_error();
  return {};
}

Result<std::optional<FindingMove>> FindFindingMove(storage::Connection& conn, int64_t finding_id,
                                                   const std::string& key,
                                                   std::string* fingerprint) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kMCols.List() +
                                                    " FROM project_finding_moves WHERE "
                                                    "finding_id = ? AND idempotency_key = ?",
                                                {finding_id, key}));
  if (!row) return std::optional<FindingMove>();
  *fingerprint = storage::NamedRow(*row, kMCols).Text("fingerprint");
  return std::optional<FindingMove>(ToMove(*row));
}

Result<int64_t> InsertFindingMove(storage::Connection& conn, const FindingMove& m,
                                  const std::string& fingerprint) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO project_finding_moves (finding_id, seq, from_status, to_status, "
          "on_date, idempotency_key, fingerprint, note, actor_id, actor_name, "
          "created_at, due_on, previous_due_on, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?) RETURNING id",
          {m.finding_id, int64_t{m.seq}, Name(m.from), Name(m.to), m.on.ToString(),
           m.idempotency_key, fingerprint, m.note, storage::OrNull(m.actor_id), m.actor_name,
           m.created_at, DateOrNull(m.due_on), DateOrNull(m.previous_due_on),
           EvidenceList(m.evidence)},
          "insert finding move"));
  return row.Int(0);
}

Result<std::vector<FindingMove>> FindingMoves(storage::Connection& conn, int64_t finding_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kMCols.List() +
                                             " FROM project_finding_moves WHERE finding_id = ? "
                                             "ORDER BY seq",
                                         {finding_id}));
  std::vector<FindingMove> out;
  for (const auto& r : rows) out.push_back(ToMove(r));
  return out;
}

}  // namespace ruralec::projects::store
