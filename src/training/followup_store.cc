#include "training/followup_store.h"

#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::training::store {
namespace {

using storage::NamedRow;
using storage::Where;

const storage::Columns kDue(
    "e.trainee_id, t.name, e.region_code, e.session_id, s.name AS session_name, s.course_id, "
    "c.title AS course_title, c.level, s.starts_on, s.ends_on");

// Attended (an attendance day exists), no outcome since the session began.
constexpr char kDueFrom[] =
    "FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id "
    "JOIN training_courses c ON c.id = s.course_id "
    "JOIN training_trainees t ON t.id = e.trainee_id";
constexpr char kAttendedWithoutOutcome[] =
    "EXISTS (SELECT 1 FROM training_attendance a WHERE a.session_id = e.session_id AND "
    "a.trainee_id = e.trainee_id) AND NOT EXISTS (SELECT 1 FROM training_outcomes o WHERE "
    "o.trainee_id = e.trainee_id AND o.happened_on >= s.starts_on)";

DueFollowUp DueFrom(const storage::Row& row) {
  NamedRow r(row, kDue);
  DueFollowUp d;
  d.trainee_id = r.Int("trainee_id");
  d.name = r.Text("name");
  d.region_code = r.Text("region_code");
  d.session_id = r.Int("session_id");
  d.session_name = r.Text("session_name");
  d.course_id = r.Int("course_id");
  d.course_title = r.Text("course_title");
  d.level = r.Text("level");
  d.starts_on = *CivilDate::Parse(r.Text("starts_on"));
  d.ends_on = *CivilDate::Parse(r.Text("ends_on"));
  return d;
}

}  // namespace

Result<std::optional<ConversionSettings>> SettingsRow(storage::Connection& conn,
                                                      const RegionCode& county) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional("SELECT conversion_kinds, conversion_months, reminder_days, "
                                      "reference, updated_at FROM training_settings WHERE "
                                      "county_code = ?",
                                      {county.str()}));
  if (!row) return std::optional<ConversionSettings>();
  ConversionSettings s;
  s.county = county;
  s.kinds = storage::SplitList(row->Text(0));
  s.months = static_cast<int>(row->Int(1));
  s.reminder_days = static_cast<int>(row->Int(2));
  s.reference = row->Text(3);
  s.updated_at = row->Int(4);
  s.is_default = false;
  return std::optional(std::move(s));
}

Status PutSettings(storage::Connection& conn, const ConversionSettings& s, storage::Stamp stamp) {
  // The county's conversion rule (outcome kinds, window) decides its conversion figure in every
  // month: all of the county's stored months are marked (storage/figure_changes.h).
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, s.county, "2000-01", stamp.now_ms));
  RETURN_IF_ERROR(
      conn.Exec("DELETE FROM training_settings WHERE county_code = ?", {s.county.str()}));
  RETURN_IF_ERROR(
      conn.Exec("INSERT INTO training_settings (county_code, conversion_kinds, conversion_months, "
                "reminder_days, reference, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {s.county.str(), storage::JoinedList(s.kinds), int64_t{s.months},
                 int64_t{s.reminder_days}, s.reference, storage::OrNull(stamp.by), stamp.now_ms}));
  return {};
}

Result<Page<DueFollowUp>> DueFollowUps(storage::Connection& conn, const View& v,
                                       const std::string& ended_from, const std::string& ended_to,
                                       const PageRequest& page) {
  Where w;
  if (v.trainer)
    w.Sql("e.session_id IN (SELECT session_id FROM training_session_trainers WHERE user_id = ?)",
          {*v.trainer});
  else
    w.InSubtree("e.region_code", v.region);
  w.Sql("s.ends_on >= ? AND s.ends_on <= ?", {ended_from, ended_to});
  w.Sql(kAttendedWithoutOutcome);
  return storage::QueryPage<DueFollowUp>(conn, kDue.List(), kDueFrom, w,
                                         " ORDER BY s.ends_on, e.session_id, e.trainee_id", page,
                                         DueFrom);
}

Result<std::vector<ChildLevelCount>> PersonTimesByChildLevel(storage::Connection& conn,
                                                             const Span& s, size_t child_digits) {
  Where w;
  w.InSubtree("a.region_code", s.region);
  w.Sql("a.day >= ? AND a.day <= ?", {s.from, s.to});
  auto digits = static_cast<int64_t>(child_digits);
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT substr(x.region_code, 1, ?) AS child, x.level, COUNT(*) FROM (SELECT "
                 "DISTINCT a.session_id, a.trainee_id, a.region_code, c.level FROM "
                 "training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN "
                 "training_courses c ON c.id = s.course_id" +
                     w.Clause() + ") x GROUP BY 1, 2 ORDER BY 1, 2",
                 [&] {
                   storage::Params p{digits};
                   for (const auto& v : w.params()) p.push_back(v);
                   return p;
                 }()));
  std::vector<ChildLevelCount> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2)});
  return out;
}

}  // namespace ruralec::training::store
