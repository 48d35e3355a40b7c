#include "projects/projects_store.h"

#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::projects::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kCols(
    "p.id, p.county_code, p.region_code, p.type, p.name, p.applicant, p.note, p.phase, "
    "p.parent_id, p.fund_id, p.fund_project_key, p.subsidy_fen, p.status, p.status_on, p.grade, "
    "p.reviewer_id, p.created_at, p.updated_at");

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}
Value DateOrNull(const std::optional<CivilDate>& d) {
  return d ? Value{d->ToString()} : Value{Null{}};
}
std::optional<Grade> OptGrade(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto g = ParseGrade(*t);
  return g.ok() ? std::optional<Grade>(*g) : std::nullopt;
}
Value GradeOrNull(const std::optional<Grade>& g) {
  return g ? Value{std::string(GradeName(*g))} : Value{Null{}};
}
State StateOf(const std::string& s) {
  auto st = ParseState(s);
  return st.ok() ? *st : State::kDraft;
}

Project ToProject(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  Project p;
  p.id = r.Int("id");
  p.county_code = r.Text("county_code");
  p.region = *RegionCode::Parse(r.Text("region_code"));
  p.type = r.Text("type");
  p.name = r.Text("name");
  p.applicant = r.Text("applicant");
  p.note = r.Text("note");
  p.phase = static_cast<int>(r.Int("phase"));
  p.parent_id = r.OptInt("parent_id");
  p.fund_id = r.OptInt("fund_id");
  p.fund_project_key = r.Text("fund_project_key");
  p.subsidy_fen = r.OptInt("subsidy_fen");
  p.status = StateOf(r.Text("status"));
  p.status_on = OptDate(r.OptText("status_on")).value_or(CivilDate{});
  p.grade = OptGrade(r.OptText("grade"));
  p.reviewer_id = r.OptInt("reviewer_id");
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  return p;
}

const storage::Columns kTCols(
    "id, project_id, seq, from_status, to_status, on_date, idempotency_key, fingerprint, note, "
    "grade, rectify_by, evidence, calendar_version, actor_id, actor_name, created_at");

Transition ToTransition(const storage::Row& row) {
  storage::NamedRow r(row, kTCols);
  Transition t;
  t.id = r.Int("id");
  t.project_id = r.Int("project_id");
  t.seq = static_cast<int>(r.Int("seq"));
  t.from = StateOf(r.Text("from_status"));
  t.to = StateOf(r.Text("to_status"));
  t.on = OptDate(r.OptText("on_date")).value_or(CivilDate{});
  t.idempotency_key = r.Text("idempotency_key");
  t.note = r.Text("note");
  t.grade = OptGrade(r.OptText("grade"));
  t.rectify_by = OptDate(r.OptText("rectify_by"));
  for (const auto& s : storage::SplitList(r.Text("evidence"))) t.evidence.push_back(std::stoll(s));
  t.calendar_version = r.Text("calendar_version");
  t.actor_id = r.OptInt("actor_id");
  t.actor_name = r.Text("actor_name");
  t.created_at = r.Int("created_at");
  return t;
}

const storage::Columns kDCols(
    "d.id, d.project_id, d.stage, d.started_on, d.working_days, d.fixed_due, d.pauses, d.due_on, "
    "d.provisional, d.calendar_version, d.closed_on, p.name AS project_name, p.county_code, "
    "p.region_code, p.status, p.reviewer_id");

Deadline ToDeadline(const storage::Row& row) {
  storage::NamedRow r(row, kDCols);
  Deadline d;
  d.id = r.Int("id");
  d.project_id = r.Int("project_id");
  d.stage = r.Text("stage");
  d.started_on = OptDate(r.OptText("started_on")).value_or(CivilDate{});
  d.working_days = static_cast<int>(r.Int("working_days"));
  d.fixed_due = OptDate(r.OptText("fixed_due"));
  d.pauses = r.Text("pauses");
  d.due_on = OptDate(r.OptText("due_on"));
  d.provisional = r.Bool("provisional");
  d.calendar_version = r.Text("calendar_version");
  d.closed_on = OptDate(r.OptText("closed_on"));
  d.project_name = r.Text("project_name");
  d.county_code = r.Text("county_code");
  d.region_code = r.Text("region_code");
  d.project_status = StateOf(r.Text("status"));
  d.reviewer_id = r.OptInt("reviewer_id");
  return d;
}

constexpr const char* kDFrom = "FROM project_deadlines d JOIN projects p ON p.id = d.project_id";

Status ExecOk(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

}  // namespace

Result<int64_t> Insert(storage::Connection& conn, const Project& p, std::optional<int64_t> by,
                       int64_t now_ms) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO projects (county_code, region_code, type, name, applicant, note, "
          "phase, parent_id, fund_id, fund_project_key, subsidy_fen, status, status_on, "
          "reviewer_id, created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {p.county_code, p.region.str(), p.type, p.name, p.applicant, p.note, int64_t{p.phase},
           storage::OrNull(p.parent_id), storage::OrNull(p.fund_id), p.fund_project_key,
           storage::OrNull(p.subsidy_fen), std::string(StateName(p.status)), p.status_on.ToString(),
           storage::OrNull(p.reviewer_id), storage::OrNull(by), now_ms, now_ms},
          "insert project"));
  return row.Int(0);
}

Result<std::optional<Project>> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kCols.List() + " FROM projects p WHERE p.id = ?", {id}));
  if (!row) return std::optional<Project>();
  return std::optional<Project>(ToProject(*row));
}

Result<Page<Project>> List(storage::Connection& conn, const Filter& f, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("p.region_code", f.region);
  w.EqIf("p.type", f.type);
  if (f.status) w.Eq("p.status", std::string(StateName(*f.status)));
  w.ContainsIf({"p.name", "p.applicant"}, f.q);
  std::string order = " ORDER BY p.id DESC";
  if (page.sort == "name")
    order = page.descending ? " ORDER BY p.name DESC, p.id" : " ORDER BY p.name, p.id";
  if (page.sort == "status_on")
    order = page.descending ? " ORDER BY p.status_on DESC, p.id" : " ORDER BY p.status_on, p.id";
  if (page.sort == "id") order = page.descending ? " ORDER BY p.id DESC" : " ORDER BY p.id";
  return storage::QueryPage<Project>(conn, kCols.List(), "FROM projects p", w, order, page,
                                     ToProject);
}

Status SetFundKey(storage::Connection& conn, int64_t id, const std::string& key) {
  return ExecOk(conn.Exec("UPDATE projects SET fund_project_key = ? WHERE id = ?", {key, id}));
}

Status SetStatus(storage::Connection& conn, const Project& p, int64_t now_ms) {
  return ExecOk(conn.Exec(
      "UPDATE projects SET status = ?, status_on = ?, grade = ?, reviewer_id = ?, updated_at = ? "
      "WHERE id = ?",
      {std::string(StateName(p.status)), p.status_on.ToString(), GradeOrNull(p.grade),
       storage::OrNull(p.reviewer_id), now_ms, p.id}));
}

Result<std::optional<Transition>> FindByKey(storage::Connection& conn, int64_t project_id,
                                            const std::string& key, std::string* fingerprint) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kTCols.List() +
                                                    " FROM project_transitions WHERE project_id "
                                                    "= ? AND idempotency_key = ?",
                                                {project_id, key}));
  if (!row) return std::optional<Transition>();
  *fingerprint = storage::NamedRow(*row, kTCols).Text("fingerprint");
  return std::optional<Transition>(ToTransition(*row));
}

Result<int64_t> InsertTransition(storage::Connection& conn, const Transition& t,
                                 const std::string& fingerprint) {
  std::vector<std::string> ev;
  for (int64_t id : t.evidence) ev.push_back(std::to_string(id));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO project_transitions (project_id, seq, from_status, to_status, "
                    "on_date, idempotency_key, fingerprint, note, grade, rectify_by, evidence, "
                    "calendar_version, actor_id, actor_name, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {t.project_id, int64_t{t.seq}, std::string(StateName(t.from)),
                     std::string(StateName(t.to)), t.on.ToString(), t.idempotency_key, fingerprint,
                     t.note, GradeOrNull(t.grade), DateOrNull(t.rectify_by),
                     ev.empty() ? std::string() : storage::JoinedList(ev), t.calendar_version,
                     storage::OrNull(t.actor_id), t.actor_name, t.created_at},
                    "insert project transition"));
  return row.Int(0);
}

Result<std::vector<Transition>> Timeline(storage::Connection& conn, int64_t project_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kTCols.List() +
                                             " FROM project_transitions WHERE project_id = ? "
                                             "ORDER BY seq",
                                         {project_id}));
  std::vector<Transition> out;
  for (const auto& r : rows) out.push_back(ToTransition(r));
  return out;
}

Result<std::vector<Deadline>> Deadlines(storage::Connection& conn, int64_t project_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kDCols.List() + " " + kDFrom +
                                             " WHERE d.project_id = ? ORDER BY d.id",
                                         {project_id}));
  std::vector<Deadline> out;
  for (const auto& r : rows) out.push_back(ToDeadline(r));
  return out;
}

Result<int64_t> InsertDeadline(storage::Connection& conn, const Deadline& d) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO project_deadlines (project_id, stage, started_on, working_days, "
                    "fixed_due, pauses, due_on, provisional, calendar_version, closed_on) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {d.project_id, d.stage, d.started_on.ToString(), int64_t{d.working_days},
                     DateOrNull(d.fixed_due), d.pauses, DateOrNull(d.due_on),
                     int64_t{d.provisional ? 1 : 0}, d.calendar_version, DateOrNull(d.closed_on)},
                    "insert project deadline"));
  return row.Int(0);
}

Status UpdateDeadline(storage::Connection& conn, const Deadline& d) {
  return ExecOk(conn.Exec(
      "UPDATE project_deadlines SET pauses = ?, due_on = ?, provisional = ?, calendar_version = ?, "
      "closed_on = ? WHERE id = ?",
      {d.pauses, DateOrNull(d.due_on), int64_t{d.provisional ? 1 : 0}, d.calendar_version,
       DateOrNull(d.closed_on), d.id}));
}

Result<std::vector<Deadline>> OpenDeadlines(storage::Connection& conn, const InboxFilter& f) {
  storage::Where w;
  w.InSubtree("p.region_code", f.region);
  w.Sql("d.closed_on IS NULL");
  w.EqIf("d.stage", f.stage);
  w.EqIf("p.reviewer_id", f.reviewer_id);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kDCols.List() + " " + kDFrom + w.Clause() +
                                             " ORDER BY d.id LIMIT 10000",
                                         w.params()));
  std::vector<Deadline> out;
  for (const auto& r : rows) out.push_back(ToDeadline(r));
  return out;
}

namespace {

std::string JoinMaterials(const std::vector<Material>& ms) {
  std::string out;
  for (const auto& m : ms) out += m.code + "\t" + m.label + "\n";
  return out;
}

std::vector<Material> SplitMaterials(const std::string& text) {
  std::vector<Material> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (size_t tab = line.find('\t'); tab != std::string::npos)
      out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<MaterialSet>> MaterialSetsOf(storage::Connection& conn,
                                                const std::string& county,
                                                std::optional<int64_t> programme_id,
                                                const std::string& type) {
  std::string sql =
      "SELECT id, materials, reason, created_by, created_at FROM project_material_sets WHERE "
      "county_code = ? AND type = ? AND ";
  storage::Params params{county, type};
  if (programme_id) {
    sql += "programme_id = ?";
    params.emplace_back(*programme_id);
  } else {
    sql += "programme_id IS NULL";
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql + " ORDER BY id DESC", params));
  std::vector<MaterialSet> out;
  for (const auto& r : rows) {
    MaterialSet s{county, type, programme_id, programme_id ? "programme" : "county"};
    s.id = r.Int(0);
    s.materials = SplitMaterials(r.Text(1));
    s.reason = r.Text(2);
    s.created_by = r.OptInt(3);
    s.created_at = r.Int(4);
    out.push_back(std::move(s));
  }
  return out;
}

Result<int64_t> InsertMaterialSet(storage::Connection& conn, const MaterialSet& s,
                                  std::optional<int64_t> by, int64_t now_ms) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO project_material_sets (county_code, programme_id, type, "
          "materials, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {s.county_code,
           s.programme_id ? storage::Value{*s.programme_id} : storage::Value{storage::Null{}},
           s.type, JoinMaterials(s.materials), s.reason,
           by ? storage::Value{*by} : storage::Value{storage::Null{}}, now_ms},
          "insert material set"));
  return row.Int(0);
}

}  // namespace ruralec::projects::store
