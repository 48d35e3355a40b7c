#include "designation/designation_store.h"

#include <map>

#include "attachments/attachments.h"
#include "storage/figure_changes.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/status_history.h"
#include "storage/where.h"

namespace ruralec::designation::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kCols(
    "d.id, d.region_code, d.level, d.kind, d.subject_type, d.subject_id, d.subject_name, d.year, "
    "d.issuing_body, d.document_no, d.note, d.status, d.status_since, d.recognised_on, "
    "d.created_at, d.updated_at");

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}

template <typename E>
E Or(Result<E> r, E fallback) {
  return r.ok() ? *r : fallback;
}

SubjectType SubjectTypeOf(const std::string& t) {
  if (t == "station") return SubjectType::kStation;
  if (t == "entity") return SubjectType::kEntity;
  return SubjectType::kRegion;
}

Designation ToDesignation(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  Designation d;
  d.id = r.Int("id");
  d.region = *RegionCode::Parse(r.Text("region_code"));
  d.level = Or(ParseLevel(r.Text("level")), Level::kCounty);
  d.kind = Or(ParseKind(r.Text("kind")), Kind::kVillage);
  d.subject_type = SubjectTypeOf(r.Text("subject_type"));
  d.subject_id = r.OptInt("subject_id");
  d.subject_name = r.Text("subject_name");
  d.year = static_cast<int>(r.Int("year"));
  d.issuing_body = r.Text("issuing_body");
  d.document_no = r.Text("document_no");
  d.note = r.Text("note");
  d.status = Or(ParseStatus(r.Text("status")), State::kCandidate);
  d.status_since = OptDate(r.OptText("status_since")).value_or(CivilDate{});
  d.recognised_on = OptDate(r.OptText("recognised_on"));
  d.created_at = r.Int("created_at");
  d.updated_at = r.Int("updated_at");
  return d;
}

constexpr const char* kModule = "designation";
constexpr const char* kKind = "designation";

// Evidence counts from the attachments module, one statement per 500 designations.
template <typename T, typename Get>
Status FillFileCounts(storage::Connection& conn, std::vector<T>& items, Get get) {
  std::vector<int64_t> ids;
  for (auto& x : items) ids.push_back(get(x).id);
  ASSIGN_OR_RETURN(auto counts, attachments::Counts(conn, kModule, kKind, ids));
  for (auto& x : items) {
    Designation& d = get(x);
    d.file_count = counts.contains(d.id) ? counts[d.id] : 0;
  }
  return {};
}
Designation& Self(Designation& d) { return d; }

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }

Status ExecOk(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

const storage::HistoryTable kHistory{"designation_status_changes", "designation_id"};

Status InsertChange(storage::Connection& conn, int64_t id, const RegionCode& region,
                    std::optional<State> from, const NewStatus& c, Stamp stamp) {
  // The demonstration-unit figures count a unit from the date of its status (the screen's
  // stored county figures: storage/figure_changes.h), so the change marks that month.
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, region, c.on.ToString(), stamp.now_ms));
  return storage::AppendStatusChange(
      conn, kHistory,
      storage::HistoryRowOf(id, region.county(), from, c, StatusName, stamp.by, stamp.now_ms));
}

}  // namespace

Result<int64_t> Insert(storage::Connection& conn, const NewRow& r, const NewStatus& initial,
                       Stamp stamp) {
  const DesignationInput& in = r.in;
  bool recognised = initial.to == State::kRecognised;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO designations (county_code, region_code, level, kind, subject_type, "
          "subject_id, subject_key, subject_name, year, issuing_body, document_no, note, status, "
          "status_since, recognised_on, batch_id, created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {in.region.county().str(), in.region.str(), std::string(LevelName(in.level)),
           std::string(KindName(in.kind)), std::string(SubjectTypeName(r.subject_type)),
           Opt(in.subject_id), r.subject_key, r.subject_name, int64_t{in.year}, in.issuing_body,
           in.document_no, in.note, std::string(StatusName(initial.to)), initial.on.ToString(),
           recognised ? Value{initial.on.ToString()} : Value{Null{}}, Opt(r.batch_id),
           Opt(stamp.by), stamp.now_ms, stamp.now_ms},
          "insert designation"));
  int64_t id = row.Int(0);
  RETURN_IF_ERROR(InsertChange(conn, id, in.region, std::nullopt, initial, stamp));
  return id;
}

Result<std::vector<std::string>> Update(storage::Connection& conn, const Designation& cur,
                                        const DesignationInput& in, Stamp stamp) {
  std::string sets;
  storage::Params params;
  std::vector<std::string> changed;
  auto add = [&](const char* col, bool differs, Value v) {
    if (!differs) return;
    sets += std::string(sets.empty() ? "" : ", ") + col + " = ?";
    params.push_back(std::move(v));
    changed.emplace_back(col);
  };
  add("year", cur.year != in.year, int64_t{in.year});
  add("issuing_body", cur.issuing_body != in.issuing_body, in.issuing_body);
  add("document_no", cur.document_no != in.document_no, in.document_no);
  add("note", cur.note != in.note, in.note);
  if (changed.empty()) return changed;
  params.push_back(stamp.now_ms);
  params.push_back(cur.id);
  RETURN_IF_ERROR(ExecOk(
      conn.Exec("UPDATE designations SET " + sets + ", updated_at = ? WHERE id = ?", params)));
  return changed;
}

Status AddChange(storage::Connection& conn, const Designation& d, const NewStatus& c, Stamp stamp) {
  RETURN_IF_ERROR(InsertChange(conn, d.id, d.region, d.status, c, stamp));
  if (c.to == State::kRecognised) {
    return ExecOk(
        conn.Exec("UPDATE designations SET status = ?, status_since = ?, recognised_on = ?, "
                  "document_no = ?, issuing_body = ?, updated_at = ? WHERE id = ?",
                  {std::string(StatusName(c.to)), c.on.ToString(), c.on.ToString(), c.document_no,
                   c.issuing_body.empty() ? d.issuing_body : c.issuing_body, stamp.now_ms, d.id}));
  }
  return ExecOk(
      conn.Exec("UPDATE designations SET status = ?, status_since = ?, updated_at = ? WHERE id = ?",
                {std::string(StatusName(c.to)), c.on.ToString(), stamp.now_ms, d.id}));
}

Result<Designation> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kCols.List() + " FROM designations d WHERE d.id = ?", {id}));
  if (rows.empty()) return Error::NotFound("示范创建记录 " + std::to_string(id) + " 不存在");
  std::vector<Designation> one{ToDesignation(rows[0])};
  RETURN_IF_ERROR(FillFileCounts(conn, one, Self));
  return one[0];
}

Result<std::optional<Existing>> Find(storage::Connection& conn, Level level, Kind kind,
                                     const std::string& subject_key, int year) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT id, batch_id FROM designations WHERE level = ? "
                              "AND kind = ? AND subject_key = ? AND year = ?",
                              {std::string(LevelName(level)), std::string(KindName(kind)),
                               subject_key, int64_t{year}}));
  if (rows.empty()) return std::optional<Existing>();
  return std::optional<Existing>(Existing{rows[0].Int(0), rows[0].OptInt(1)});
}

Result<Page<Designation>> List(storage::Connection& conn, const Filter& f,
                               const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "d.id"},
                                                        {"year", "d.year"},
                                                        {"region_code", "d.region_code"},
                                                        {"subject_name", "d.subject_name"},
                                                        {"status", "d.status"},
                                                        {"status_since", "d.status_since"},
                                                        {"updated_at", "d.updated_at"}},
                                                       "id"));
  storage::Where w;
  w.InSubtree("d.region_code", f.region);
  if (f.level) w.Eq("d.level", std::string(LevelName(*f.level)));
  if (f.kind) w.Eq("d.kind", std::string(KindName(*f.kind)));
  if (f.status) w.Eq("d.status", std::string(StatusName(*f.status)));
  if (f.year) w.Eq("d.year", int64_t{*f.year});
  w.ContainsIf({"d.subject_name", "d.document_no", "d.issuing_body"}, f.q);
  ASSIGN_OR_RETURN(
      auto out, storage::QueryPage<Designation>(conn, kCols.List(), "FROM designations d", w, order,
                                                page, ToDesignation));
  RETURN_IF_ERROR(FillFileCounts(conn, out.items, Self));
  return out;
}

Result<std::vector<StatusChange>> Changes(storage::Connection& conn, int64_t id) {
  return storage::ReadStatusHistory(conn, kHistory, id, ParseStatus, State::kCandidate);
}

Result<std::vector<Timeline>> Timelines(storage::Connection& conn, const RegionCode& scope,
                                        std::optional<Kind> kind) {
  storage::Where w;
  w.InSubtree("d.region_code", scope);
  if (kind) w.Eq("d.kind", std::string(KindName(*kind)));
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kCols.List() + " FROM designations d" +
                                             w.Clause() + " ORDER BY d.id",
                                         w.params()));
  std::vector<Timeline> out;
  std::map<int64_t, size_t> at;
  for (const auto& r : rows) {
    at[r.Int(0)] = out.size();
    out.push_back({ToDesignation(r), {}});
  }
  if (out.empty()) return out;
  RETURN_IF_ERROR(FillFileCounts(conn, out, [](Timeline& t) -> Designation& { return t.d; }));
  storage::Where cw;
  cw.InSubtree("d.region_code", scope);
  if (kind) cw.Eq("d.kind", std::string(KindName(*kind)));
  ASSIGN_OR_RETURN(
      auto changes,
      conn.Query("SELECT c.designation_id, c.changed_on, c.to_status FROM "
                 "designation_status_changes c JOIN designations d ON d.id = c.designation_id" +
                     cw.Clause() + " ORDER BY c.designation_id, c.changed_on, c.id",
                 cw.params()));
  for (const auto& r : changes) {
    auto it = at.find(r.Int(0));
    auto on = CivilDate::Parse(r.Text(1));
    auto st = ParseStatus(r.Text(2));
    if (it != at.end() && on.ok() && st.ok()) out[it->second].changes.emplace_back(*on, *st);
  }
  return out;
}

Result<int64_t> AddFile(storage::Connection& conn, const Designation& d, const File& f,
                        const std::string& bytes, std::optional<int64_t> by) {
  ASSIGN_OR_RETURN(attachments::File saved,
                   attachments::Store(conn,
                                      {{kModule, kKind, d.id},
                                       d.region.county().str(),
                                       "evidence",
                                       by,
                                       f.uploaded_by,
                                       f.created_at},
                                      {f.filename, f.content_type}, bytes));
  return saved.id;
}

namespace {
File ToFile(const attachments::File& f) {
  return {f.id, f.filename, f.content_type, f.sha256, f.size, f.uploaded_name, f.created_at};
}
}  // namespace

Result<std::vector<File>> Files(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {kModule, kKind, id}));
  std::vector<File> out;
  for (const auto& f : files) out.push_back(ToFile(f));
  return out;
}

Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn, int64_t id,
                                              int64_t file_id) {
  ASSIGN_OR_RETURN(auto found, attachments::Read(conn, {kModule, kKind, id}, file_id));
  if (!found) return Error::NotFound("档案文件 " + std::to_string(file_id) + " 不存在");
  return std::make_pair(ToFile(found->first), std::move(found->second));
}

}  // namespace ruralec::designation::store
