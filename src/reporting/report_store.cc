#include "reporting/report_store.h"

#include "attachments/attachments.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::reporting::store {
namespace {

constexpr const char* kModule = "reporting";
constexpr const char* kKind = "report";

const storage::Columns kCols(
    "r.id, r.indicator, r.params, r.region_code, r.period, r.period_first, r.period_last, "
    "r.version, r.value, r.note, r.status, r.reported_by, r.reported_name, r.reported_at, "
    "r.decided_by, r.decided_name, r.decided_at, r.reject_reason");
constexpr const char* kFrom = " FROM indicator_reports r";

CivilDate DateOr(const std::string& text) {
  auto d = CivilDate::Parse(text);
  return d.ok() ? *d : CivilDate{};
}

Report ToReport(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  Report x;
  x.id = r.Int("id");
  x.indicator = r.Text("indicator");
  x.params = ParseParamsText(r.Text("params"));
  x.region = *RegionCode::Parse(r.Text("region_code"));
  x.period = r.Text("period");
  x.period_first = DateOr(r.Text("period_first"));
  x.period_last = DateOr(r.Text("period_last"));
  x.version = static_cast<int>(r.Int("version"));
  x.value = r.Int("value");
  x.note = r.Text("note");
  auto st = ParseState(r.Text("status"));
  x.status = st.ok() ? *st : State::kPending;
  x.reported_by = r.OptInt("reported_by");
  x.reported_name = r.Text("reported_name");
  x.reported_at = r.Int("reported_at");
  x.decided_by = r.OptInt("decided_by");
  x.decided_name = r.Text("decided_name");
  x.decided_at = r.OptInt("decided_at");
  x.reject_reason = r.Text("reject_reason");
  return x;
}

// Evidence counts from the attachments module, one statement per 500 reports.
Status FillFileCounts(storage::Connection& conn, std::vector<Report>& reports) {
  std::vector<int64_t> ids;
  for (const auto& r : reports) ids.push_back(r.id);
  ASSIGN_OR_RETURN(auto counts, attachments::Counts(conn, kModule, kKind, ids));
  for (auto& r : reports) r.file_count = counts.contains(r.id) ? counts[r.id] : 0;
  return {};
}

Result<std::vector<Report>> Select(storage::Connection& conn, const storage::Where& w,
                                   std::string_view order) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kCols.List() + kFrom + w.Clause() + std::string(order), w.params()));
  std::vector<Report> out;
  for (const auto& row : rows) out.push_back(ToReport(row));
  RETURN_IF_ERROR(FillFileCounts(conn, out));
  return out;
}

File ToFile(const attachments::File& f) {
  return {f.id, f.filename, f.content_type, f.sha256, f.size, f.uploaded_name, f.created_at};
}

}  // namespace

Key KeyOf(const Report& r) { return {r.indicator, ParamsText(r.params), r.region.str(), r.period}; }

Result<Report> Get(storage::Connection& conn, int64_t id) {
  storage::Where w;
  w.Eq("r.id", id);
  ASSIGN_OR_RETURN(auto found, Select(conn, w, ""));
  if (found.empty()) return Error::NotFound("填报记录 " + std::to_string(id) + " 不存在");
  return found[0];
}

Result<std::vector<Report>> Versions(storage::Connection& conn, const Key& key) {
  storage::Where w;
  w.Eq("r.indicator", key.indicator)
      .Eq("r.params", key.params)
      .Eq("r.region_code", key.region)
      .Eq("r.period", key.period);
  return Select(conn, w, " ORDER BY r.version DESC");
}

Result<int64_t> Insert(storage::Connection& conn, const Report& r) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO indicator_reports (indicator, params, region_code, county_code, "
                    "period, period_first, period_last, version, value, note, status, "
                    "reported_by, reported_name, reported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {r.indicator, ParamsText(r.params), r.region.str(), r.region.county().str(),
                     r.period, r.period_first.ToString(), r.period_last.ToString(),
                     int64_t{r.version}, r.value, r.note, std::string(StateName(r.status)),
                     storage::OrNull(r.reported_by), r.reported_name, r.reported_at},
                    "insert indicator report"));
  return row.Int(0);
}

Status Replace(storage::Connection& conn, const Report& r) {
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE indicator_reports SET value = ?, note = ?, "
                                        "reported_by = ?, reported_name = ?, reported_at = ? "
                                        "WHERE id = ? AND status = 'pending'",
                                        {r.value, r.note, storage::OrNull(r.reported_by),
                                         r.reported_name, r.reported_at, r.id}));
  if (n != 1) return Error::Conflict("填报记录已被处理，请刷新后重试", "id");
  return {};
}

Status Decide(storage::Connection& conn, const Report& r) {
  ASSIGN_OR_RETURN(
      int64_t n, conn.Exec("UPDATE indicator_reports SET status = ?, decided_by = ?, "
                           "decided_name = ?, decided_at = ?, reject_reason = ? "
                           "WHERE id = ? AND status = 'pending'",
                           {std::string(StateName(r.status)), storage::OrNull(r.decided_by),
                            r.decided_name, storage::OrNull(r.decided_at), r.reject_reason, r.id}));
  if (n != 1) return Error::Conflict("填报记录已被处理，请刷新后重试", "id");
  return {};
}

Status Supersede(storage::Connection& conn, const Key& key, int64_t keep) {
  auto n = conn.Exec(
      "UPDATE indicator_reports SET status = 'superseded' WHERE indicator = ? AND "
      "params = ? AND region_code = ? AND period = ? AND status = 'confirmed' AND id <> ?",
      {key.indicator, key.params, key.region, key.period, keep});
  if (!n.ok()) return n.take_error();
  return {};
}

Result<Page<Report>> List(storage::Connection& conn, const Filter& f, const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "r.id"},
                                                        {"period", "r.period"},
                                                        {"region_code", "r.region_code"},
                                                        {"indicator", "r.indicator"},
                                                        {"status", "r.status"},
                                                        {"reported_at", "r.reported_at"}},
                                                       "id"));
  storage::Where w;
  w.InSubtree("r.region_code", f.region);
  w.EqIf("r.indicator", f.indicator).EqIf("r.period", f.period);
  if (f.status) w.Eq("r.status", std::string(StateName(*f.status)));
  ASSIGN_OR_RETURN(auto out, storage::QueryPage<Report>(conn, kCols.List(), kFrom + 1, w, order,
                                                        page, ToReport));
  RETURN_IF_ERROR(FillFileCounts(conn, out.items));
  return out;
}

Result<std::vector<Report>> Confirmed(storage::Connection& conn, const std::string& indicator,
                                      const std::string& params,
                                      const std::vector<std::string>& regions) {
  storage::Where w;
  w.Eq("r.indicator", indicator).Eq("r.params", params).Eq("r.status", std::string("confirmed"));
  std::string marks;
  storage::Params values;
  for (const auto& code : regions) {
    marks += marks.empty() ? "?" : ", ?";
    values.emplace_back(code);
  }
  w.Sql("r.region_code IN (" + marks + ")", values);
  return Select(conn, w, " ORDER BY r.region_code, r.period_last DESC, r.version DESC");
}

Result<int64_t> AddFile(storage::Connection& conn, const Report& r, const File& f,
                        const std::string& bytes, std::optional<int64_t> by) {
  ASSIGN_OR_RETURN(attachments::File saved,
                   attachments::Store(conn,
                                      {{kModule, kKind, r.id},
                                       r.region.county().str(),
                                       "evidence",
                                       by,
                                       f.uploaded_by,
                                       f.created_at},
                                      {f.filename, f.content_type}, bytes));
  return saved.id;
}

Result<std::vector<File>> Files(storage::Connection& conn, int64_t report_id) {
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {kModule, kKind, report_id}));
  std::vector<File> out;
  for (const auto& f : files) out.push_back(ToFile(f));
  return out;
}

Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn, int64_t report_id,
                                              int64_t file_id) {
  ASSIGN_OR_RETURN(auto found, attachments::Read(conn, {kModule, kKind, report_id}, file_id));
  if (!found) return Error::NotFound("佐证材料 " + std::to_string(file_id) + " 不存在");
  return std::make_pair(ToFile(found->first), std::move(found->second));
}

}  // namespace ruralec::reporting::store
