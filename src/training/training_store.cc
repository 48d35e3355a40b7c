#include "training/training_store.h"

#include "storage/figure_changes.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::training::store {
namespace {

using storage::JoinedList;
using storage::NamedRow;
using storage::Null;
using storage::OrNull;
using storage::Params;
using storage::Row;
using storage::SplitList;
using storage::Value;
using storage::Where;

Status Done(const Result<int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}

// "?, ?, …" for ids[at .. at+500) appended to `p` (a batch read names at most 500 ids).
constexpr size_t kBatch = 500;
std::string Marks(const std::vector<int64_t>& ids, size_t at, Params& p) {
  std::string marks;
  for (size_t i = at; i < ids.size() && i < at + kBatch; ++i) {
    marks += marks.empty() ? "?" : ", ?";
    p.emplace_back(ids[i]);
  }
  return marks;
}

Value OptInt(const std::optional<int> v) { return v ? Value{int64_t{*v}} : Value{Null{}}; }
Value OptId(const std::optional<int64_t>& v) { return OrNull(v); }

CivilDate DateOr(const std::string& text) {
  auto d = CivilDate::Parse(text);
  return d.ok() ? *d : CivilDate{};
}

// Courses and sessions the view may see: in the subtree, or an area its region lies in.
void VisibleRegion(Where& w, const std::string& column, const RegionCode& region) {
  Params p = storage::SubtreeRange(region);
  std::string cond = "((" + column + " >= ? AND " + column + " <= ?)";
  for (RegionCode up = region.parent(); !up.empty(); up = up.parent()) {
    cond += " OR " + column + " = ?";
    p.emplace_back(up.str());
  }
  w.Sql(cond + ")", std::move(p));
}

constexpr char kTaughtSessions[] =
    "SELECT session_id FROM training_session_trainers WHERE user_id = ?";

const storage::Columns kCourse(
    "c.id, c.region_code, c.title, c.level, c.tags, c.organiser_kind, c.organiser_entity_id, "
    "c.organiser_name, c.funding, c.audiences, c.min_attendance_bp, c.min_score, c.created_at, "
    "c.updated_at, (SELECT COUNT(*) FROM training_sessions s WHERE s.course_id = c.id) AS "
    "session_count");

Course CourseFrom(const Row& row) {
  NamedRow r(row, kCourse);
  Course c;
  c.id = r.Int("id");
  c.region = *RegionCode::Parse(r.Text("region_code"));
  c.title = r.Text("title");
  c.level = r.Text("level");
  c.tags = SplitList(r.Text("tags"));
  c.organiser_kind = r.Text("organiser_kind");
  c.organiser_entity_id = r.OptInt("organiser_entity_id");
  c.organiser_name = r.Text("organiser_name");
  c.funding = r.Text("funding");
  c.audiences = SplitList(r.Text("audiences"));
  c.min_attendance_bp = static_cast<int>(r.Int("min_attendance_bp"));
  if (auto s = r.OptInt("min_score")) c.min_score = static_cast<int>(*s);
  c.sessions = r.Int("session_count");
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  return c;
}

Params CourseValues(const CourseInput& in) {
  return {in.region.county().str(),
          in.region.str(),
          in.title,
          in.level,
          JoinedList(in.tags),
          in.organiser_kind,
          OptId(in.organiser_entity_id),
          in.organiser_name,
          in.funding,
          JoinedList(in.audiences),
          int64_t{in.min_attendance_bp},
          OptInt(in.min_score)};
}

}  // namespace

Result<int64_t> InsertCourse(storage::Connection& conn, const CourseInput& in, Stamp stamp) {
  Params p = CourseValues(in);
  p.insert(p.end(), {OptId(stamp.by), stamp.now_ms, stamp.now_ms});
  ASSIGN_OR_RETURN(Row row,
                   conn.QueryOne("INSERT INTO training_courses (county_code, region_code, title, "
                                 "level, tags, organiser_kind, organiser_entity_id, "
                                 "organiser_name, funding, audiences, min_attendance_bp, "
                                 "min_score, created_by, created_at, updated_at) VALUES (?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 p, "insert course"));
  return row.Int(0);
}

Status UpdateCourse(storage::Connection& conn, int64_t id, const CourseInput& in, Stamp stamp) {
  Params p = CourseValues(in);
  p.insert(p.end(), {stamp.now_ms, id});
  return Done(conn.Exec(
      "UPDATE training_courses SET county_code = ?, region_code = ?, title = ?, level = ?, "
      "tags = ?, organiser_kind = ?, organiser_entity_id = ?, organiser_name = ?, "
      "funding = ?, audiences = ?, min_attendance_bp = ?, min_score = ?, updated_at = ? "
      "WHERE id = ?",
      p));
}

Result<Course> GetCourse(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Row row, conn.QueryOne("SELECT " + kCourse.List() +
                                              " FROM training_courses c WHERE "
                                              "c.id = ?",
                                          {id}, "课程 " + std::to_string(id) + " 不存在"));
  return CourseFrom(row);
}

Result<bool> CourseTitleTaken(storage::Connection& conn, const RegionCode& county,
                              const std::string& title, int64_t except_id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT id FROM training_courses WHERE "
                                                "county_code = ? AND title = ? AND id <> ?",
                                                {county.str(), title, except_id}));
  return row.has_value();
}

Result<bool> TeachesCourse(storage::Connection& conn, int64_t user, int64_t course_id) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional("SELECT 1 FROM training_sessions s JOIN "
                                      "training_session_trainers t ON t.session_id = s.id WHERE "
                                      "s.course_id = ? AND t.user_id = ?",
                                      {course_id, user}));
  return row.has_value();
}

Result<Page<Course>> ListCourses(storage::Connection& conn, const View& v, const CourseFilter& f,
                                 const PageRequest& page) {
  Where w;
  if (v.trainer) {
    w.Sql(std::string("c.id IN (SELECT course_id FROM training_sessions WHERE id IN (") +
              kTaughtSessions + "))",
          {*v.trainer});
  } else {
    VisibleRegion(w, "c.region_code", v.region);
  }
  w.EqIf("c.level", f.level);
  if (!f.tag.empty()) w.Sql("c.tags LIKE ?", {"%," + f.tag + ",%"});
  w.ContainsIf({"c.title"}, f.q);
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"id", "c.id"}, {"title", "c.title"}}, "c.id"));
  return storage::QueryPage<Course>(conn, kCourse.List(), "FROM training_courses c", w, order, page,
                                    CourseFrom);
}

// ---- sessions ----
namespace {

const storage::Columns kSession(
    "s.id, s.course_id, c.title AS course_title, c.level, s.region_code, s.name, s.starts_on, "
    "s.ends_on, s.place, s.syllabus, s.capacity, s.created_at, s.updated_at, (SELECT COUNT(*) "
    "FROM training_enrolments e WHERE e.session_id = s.id) AS enrolled");
constexpr char kSessionFrom[] =
    "FROM training_sessions s JOIN training_courses c ON c.id = s.course_id";

Session SessionFrom(const Row& row) {
  NamedRow r(row, kSession);
  Session s;
  s.id = r.Int("id");
  s.course_id = r.Int("course_id");
  s.course_title = r.Text("course_title");
  s.level = r.Text("level");
  s.region = *RegionCode::Parse(r.Text("region_code"));
  s.name = r.Text("name");
  s.starts_on = DateOr(r.Text("starts_on"));
  s.ends_on = DateOr(r.Text("ends_on"));
  s.place = r.Text("place");
  s.syllabus = r.Text("syllabus");
  s.capacity = static_cast<int>(r.Int("capacity"));
  s.enrolled = r.Int("enrolled");
  s.created_at = r.Int("created_at");
  s.updated_at = r.Int("updated_at");
  return s;
}

Params SessionValues(const SessionInput& in) {
  return {in.region.county().str(), in.region.str(), in.name,     in.starts_on.ToString(),
          in.ends_on.ToString(),    in.place,        in.syllabus, int64_t{in.capacity}};
}

}  // namespace

Result<int64_t> InsertSession(storage::Connection& conn, const SessionInput& in, Stamp stamp) {
  Params p = {in.course_id};
  Params v = SessionValues(in);
  p.insert(p.end(), v.begin(), v.end());
  p.insert(p.end(), {OptId(stamp.by), stamp.now_ms, stamp.now_ms});
  ASSIGN_OR_RETURN(
      Row row, conn.QueryOne("INSERT INTO training_sessions (course_id, county_code, region_code, "
                             "name, starts_on, ends_on, place, syllabus, capacity, created_by, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "RETURNING id",
                             p, "insert session"));
  return row.Int(0);
}

Status UpdateSession(storage::Connection& conn, int64_t id, const SessionInput& in, Stamp stamp) {
  Params p = SessionValues(in);
  p.insert(p.end(), {stamp.now_ms, id});
  return Done(
      conn.Exec("UPDATE training_sessions SET county_code = ?, region_code = ?, name = ?, "
                "starts_on = ?, ends_on = ?, place = ?, syllabus = ?, capacity = ?, updated_at = ? "
                "WHERE id = ?",
                p));
}

Status SetTrainers(storage::Connection& conn, int64_t session_id,
                   const std::vector<int64_t>& user_ids) {
  RETURN_IF_ERROR(
      Done(conn.Exec("DELETE FROM training_session_trainers WHERE session_id = ?", {session_id})));
  for (int64_t u : user_ids) {
    RETURN_IF_ERROR(
        Done(conn.Exec("INSERT INTO training_session_trainers (session_id, user_id) VALUES (?, ?)",
                       {session_id, u})));
  }
  return {};
}

Result<std::map<int64_t, std::vector<int64_t>>> TrainersOf(storage::Connection& conn,
                                                           const std::vector<int64_t>& sessions) {
  std::map<int64_t, std::vector<int64_t>> out;
  for (size_t at = 0; at < sessions.size(); at += kBatch) {
    Params p;
    std::string marks = Marks(sessions, at, p);
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT session_id, user_id FROM "
                                           "training_session_trainers WHERE session_id IN (" +
                                               marks + ") ORDER BY session_id, user_id",
                                           p));
    for (const auto& r : rows) out[r.Int(0)].push_back(r.Int(1));
  }
  return out;
}

Result<Session> GetSession(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      Row row, conn.QueryOne("SELECT " + kSession.List() + " " + kSessionFrom + " WHERE s.id = ?",
                             {id}, "班次 " + std::to_string(id) + " 不存在"));
  return SessionFrom(row);
}

Result<bool> SessionNameTaken(storage::Connection& conn, int64_t course_id, const std::string& name,
                              int64_t except_id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT id FROM training_sessions WHERE "
                                                "course_id = ? AND name = ? AND id <> ?",
                                                {course_id, name, except_id}));
  return row.has_value();
}

Result<Page<Session>> ListSessions(storage::Connection& conn, const View& v, const SessionFilter& f,
                                   const PageRequest& page) {
  Where w;
  if (v.trainer) {
    w.Sql(std::string("s.id IN (") + kTaughtSessions + ")", {*v.trainer});
  } else {
    VisibleRegion(w, "s.region_code", v.region);
  }
  w.EqIf("s.course_id", f.course_id);
  if (f.to) w.Cmp("s.starts_on", "<=", f.to->ToString());
  if (f.from) w.Cmp("s.ends_on", ">=", f.from->ToString());
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"starts_on", "s.starts_on"}, {"id", "s.id"}}, "s.id"));
  return storage::QueryPage<Session>(conn, kSession.List(), kSessionFrom, w, order, page,
                                     SessionFrom);
}

// ---- trainees ----
namespace {

constexpr char kIdContext[] = "training_trainees.id_number";
constexpr char kMobileContext[] = "training_trainees.mobile";

const storage::Columns kTrainee(
    "t.id, t.region_code, t.name, t.id_masked, t.gender, t.birth_date, t.mobile_masked, "
    "t.audiences, t.household_id, t.created_at, t.updated_at, (SELECT COUNT(*) FROM "
    "training_enrolments e WHERE e.trainee_id = t.id) AS session_count");

Trainee TraineeFrom(const Row& row) {
  NamedRow r(row, kTrainee);
  Trainee t;
  t.id = r.Int("id");
  t.region = *RegionCode::Parse(r.Text("region_code"));
  t.name = r.Text("name");
  t.id_masked = r.Text("id_masked");
  t.gender = r.Text("gender");
  t.birth_date = DateOr(r.Text("birth_date"));
  t.mobile_masked = r.OptText("mobile_masked");
  t.audiences = SplitList(r.Text("audiences"));
  t.household_id = r.OptInt("household_id");
  t.sessions = r.Int("session_count");
  t.created_at = r.Int("created_at");
  t.updated_at = r.Int("updated_at");
  return t;
}

}  // namespace

Result<int64_t> InsertTrainee(storage::Connection& conn, const crypto::FieldCipher& cipher,
                              const NewTrainee& t, Stamp stamp) {
  const TraineeInput& in = t.in;
  bool mobile = !in.mobile.empty();
  ASSIGN_OR_RETURN(
      Row row,
      conn.QueryOne(
          "INSERT INTO training_trainees (county_code, region_code, name, id_enc, id_bidx, "
          "id_masked, gender, birth_date, mobile_enc, mobile_bidx, mobile_masked, audiences, "
          "batch_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?) RETURNING id",
          {in.region.county().str(), in.region.str(), in.name,
           cipher.Encrypt(in.id_number, kIdContext), cipher.BlindIndex(in.id_number, kIdContext),
           crypto::MaskIdNumber(in.id_number), t.gender, t.birth.ToString(),
           mobile ? Value{cipher.Encrypt(in.mobile, kMobileContext)} : Value{Null{}},
           mobile ? Value{cipher.BlindIndex(in.mobile, kMobileContext)} : Value{Null{}},
           mobile ? Value{crypto::MaskMobile(in.mobile)} : Value{Null{}}, JoinedList(in.audiences),
           OptId(t.batch_id), OptId(stamp.by), stamp.now_ms, stamp.now_ms},
          "insert trainee"));
  return row.Int(0);
}

Result<std::optional<Trainee>> TraineeByIndex(storage::Connection& conn, const std::string& bidx) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kTrainee.List() +
                                                    " FROM training_trainees t WHERE t.id_bidx = ?",
                                                {bidx}));
  if (!row) return std::optional<Trainee>();
  return std::optional<Trainee>(TraineeFrom(*row));
}

Result<Trainee> GetTrainee(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Row row, conn.QueryOne("SELECT " + kTrainee.List() +
                                              " FROM training_trainees t WHERE t.id = ?",
                                          {id}, "学员 " + std::to_string(id) + " 不存在"));
  return TraineeFrom(row);
}

Result<std::string> TraineeIdCipher(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Row row, conn.QueryOne("SELECT id_enc FROM training_trainees WHERE id = ?", {id},
                                          "学员 " + std::to_string(id) + " 不存在"));
  return row.Text(0);
}

Result<Page<Trainee>> ListTrainees(storage::Connection& conn, const View& v, const TraineeFilter& f,
                                   const PageRequest& page) {
  Where w;
  if (v.trainer) {
    w.Sql(std::string("t.id IN (SELECT trainee_id FROM training_enrolments WHERE session_id IN (") +
              kTaughtSessions + "))",
          {*v.trainer});
  } else {
    w.InSubtree("t.region_code", v.region);
  }
  if (!f.audience.empty()) w.Sql("t.audiences LIKE ?", {"%," + f.audience + ",%"});
  w.ContainsIf({"t.name"}, f.q);
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"id", "t.id"}, {"name", "t.name"}}, "t.id"));
  return storage::QueryPage<Trainee>(conn, kTrainee.List(), "FROM training_trainees t", w, order,
                                     page, TraineeFrom);
}

Result<bool> TeachesTrainee(storage::Connection& conn, int64_t user, int64_t trainee) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional("SELECT 1 FROM training_enrolments e JOIN "
                                      "training_session_trainers t ON t.session_id = e.session_id "
                                      "WHERE e.trainee_id = ? AND t.user_id = ?",
                                      {trainee, user}));
  return row.has_value();
}

// ---- enrolments and attendance ----

Result<int64_t> EnrolledCount(storage::Connection& conn, int64_t session_id) {
  ASSIGN_OR_RETURN(Row row,
                   conn.QueryOne("SELECT COUNT(*) FROM training_enrolments WHERE session_id = ?",
                                 {session_id}, "count"));
  return row.Int(0);
}

Result<std::set<int64_t>> EnrolledAmong(storage::Connection& conn, int64_t session_id,
                                        const std::vector<int64_t>& ids) {
  std::set<int64_t> out;
  for (size_t at = 0; at < ids.size(); at += kBatch) {
    Params p = {session_id};
    std::string marks = Marks(ids, at, p);
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id FROM training_enrolments WHERE "
                                           "session_id = ? AND trainee_id IN (" +
                                               marks + ")",
                                           p));
    for (const auto& r : rows) out.insert(r.Int(0));
  }
  return out;
}

Result<std::set<int64_t>> EnrolledIn(storage::Connection& conn, int64_t session_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id FROM training_enrolments WHERE "
                                         "session_id = ?",
                                         {session_id}));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

Result<std::set<std::pair<int64_t, std::string>>> AttendedIn(storage::Connection& conn,
                                                             int64_t session_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id, day FROM training_attendance WHERE "
                                         "session_id = ?",
                                         {session_id}));
  std::set<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.insert({r.Int(0), r.Text(1)});
  return out;
}

Status InsertEnrolment(storage::Connection& conn, int64_t session_id, const Trainee& t,
                       Stamp stamp) {
  return Done(conn.Exec(
      "INSERT INTO training_enrolments (session_id, trainee_id, county_code, region_code, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {session_id, t.id, t.region.county().str(), t.region.str(), OptId(stamp.by), stamp.now_ms,
       stamp.now_ms}));
}

namespace {

const storage::Columns kEnrolment(
    "e.trainee_id, t.name, t.id_masked, t.region_code, e.score, e.result, e.certificate_code");

AttendanceRow EnrolmentFrom(const Row& row) {
  NamedRow r(row, kEnrolment);
  AttendanceRow a;
  a.trainee_id = r.Int("trainee_id");
  a.name = r.Text("name");
  a.id_masked = r.Text("id_masked");
  a.region = *RegionCode::Parse(r.Text("region_code"));
  if (auto s = r.OptInt("score")) a.score = static_cast<int>(*s);
  a.result = r.OptText("result").value_or("");
  a.certificate_code = r.OptText("certificate_code").value_or("");
  return a;
}

}  // namespace

Result<Page<AttendanceRow>> EnrolmentPage(storage::Connection& conn, int64_t session_id,
                                          const RegionCode& region, const PageRequest& page) {
  Where w;
  w.Eq("e.session_id", session_id);
  if (!region.empty()) w.InSubtree("e.region_code", region);
  ASSIGN_OR_RETURN(
      std::string order,
      storage::OrderBy(page, {{"trainee_id", "e.trainee_id"}, {"name", "t.name"}}, "e.trainee_id"));
  return storage::QueryPage<AttendanceRow>(
      conn, kEnrolment.List(),
      "FROM training_enrolments e JOIN training_trainees t ON t.id = e.trainee_id", w, order, page,
      EnrolmentFrom);
}

Result<std::map<int64_t, std::vector<std::string>>> DaysOf(storage::Connection& conn,
                                                           int64_t session_id,
                                                           const std::vector<int64_t>& trainees) {
  std::map<int64_t, std::vector<std::string>> out;
  for (size_t at = 0; at < trainees.size(); at += kBatch) {
    Params p = {session_id};
    std::string marks = Marks(trainees, at, p);
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id, day FROM training_attendance "
                                           "WHERE session_id = ? AND trainee_id IN (" +
                                               marks + ") ORDER BY trainee_id, day",
                                           p));
    for (const auto& r : rows) out[r.Int(0)].push_back(r.Text(1));
  }
  return out;
}

Result<std::set<int64_t>> PresentOn(storage::Connection& conn, int64_t session_id,
                                    const std::string& day) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id FROM training_attendance WHERE "
                                         "session_id = ? AND day = ?",
                                         {session_id, day}));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

const std::vector<std::string>& AttendanceColumns() {
  static const std::vector<std::string> cols = {
      "session_id", "trainee_id", "county_code", "region_code", "day",
      "source",     "batch_id",   "source_row",  "recorded_by", "recorded_at"};
  return cols;
}

std::vector<Value> AttendanceValues(const NewAttendance& a, Stamp stamp) {
  return {a.session_id, a.trainee_id,      a.region.county().str(), a.region.str(),  a.day,
          a.source,     OptId(a.batch_id), OptId(a.source_row),     OptId(stamp.by), stamp.now_ms};
}

Status InsertAttendance(storage::Connection& conn, const std::vector<NewAttendance>& rows,
                        Stamp stamp) {
  if (rows.empty()) return {};
  std::vector<std::vector<Value>> values;
  values.reserve(rows.size());
  for (const auto& a : rows) values.push_back(AttendanceValues(a, stamp));
  RETURN_IF_ERROR(storage::MarkFiguresChangedRows(conn, AttendanceColumns(), values, "region_code",
                                                  "day", stamp.now_ms));
  return Done(conn.BulkInsert("training_attendance", AttendanceColumns(), values));
}

Result<int64_t> DeleteAttendance(storage::Connection& conn, int64_t session_id,
                                 const std::string& day, const std::vector<int64_t>& trainees,
                                 int64_t now_ms) {
  int64_t n = 0;
  for (int64_t t : trainees) {
    RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
        conn,
        "SELECT region_code, day FROM training_attendance WHERE session_id = ? AND day = ? "
        "AND trainee_id = ?",
        {session_id, day, t}, now_ms));
    ASSIGN_OR_RETURN(int64_t k, conn.Exec("DELETE FROM training_attendance WHERE session_id = ? "
                                          "AND day = ? AND trainee_id = ?",
                                          {session_id, day, t}));
    n += k;
  }
  return n;
}

// ---- outcomes ----

Result<int64_t> InsertOutcome(storage::Connection& conn, const Trainee& t, const OutcomeInput& in,
                              Stamp stamp) {
  // An outcome converts its trainee for the conversion figure of every month from the trainee's
  // training on (the window looks forward from the last training day), so the counties and first
  // months of the trainee's attendance are marked, and the trainee's own county at the outcome.
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(day) FROM training_attendance WHERE trainee_id = ? GROUP BY "
      "region_code",
      {t.id}, stamp.now_ms));
  RETURN_IF_ERROR(
      storage::MarkFiguresChanged(conn, t.region, in.happened_on.ToString(), stamp.now_ms));
  ASSIGN_OR_RETURN(
      Row row, conn.QueryOne("INSERT INTO training_outcomes (trainee_id, county_code, region_code, "
                             "kind, happened_on, entity_id, evidence, recorded_by, recorded_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {t.id, t.region.county().str(), t.region.str(), in.kind,
                              in.happened_on.ToString(), OptId(in.entity_id), in.evidence,
                              OptId(stamp.by), stamp.now_ms},
                             "insert outcome"));
  return row.Int(0);
}

Result<std::vector<Outcome>> OutcomesOf(storage::Connection& conn, int64_t trainee_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, trainee_id, kind, happened_on, entity_id, "
                                         "evidence, recorded_by, recorded_at FROM "
                                         "training_outcomes WHERE trainee_id = ? ORDER BY "
                                         "happened_on, id",
                                         {trainee_id}));
  std::vector<Outcome> out;
  for (const auto& r : rows) {
    Outcome o;
    o.id = r.Int(0);
    o.trainee_id = r.Int(1);
    o.kind = r.Text(2);
    o.happened_on = DateOr(r.Text(3));
    o.entity_id = r.OptInt(4);
    o.evidence = r.Text(5);
    o.recorded_by = r.OptInt(6);
    o.recorded_at = r.Int(7);
    out.push_back(std::move(o));
  }
  return out;
}

// ---- results and certificates ----

Status SetResult(storage::Connection& conn, int64_t session_id, const ResultRow& r, Stamp stamp) {
  return Done(conn.Exec(
      "UPDATE training_enrolments SET score = ?, result = ?, result_on = ?, certificate_code = ?, "
      "updated_at = ? WHERE session_id = ? AND trainee_id = ?",
      {OptInt(r.score), r.result, r.result_on, OrNull(r.certificate_code), stamp.now_ms, session_id,
       r.trainee_id}));
}

Status SetScore(storage::Connection& conn, int64_t session_id, int64_t trainee_id,
                std::optional<int> score) {
  return Done(
      conn.Exec("UPDATE training_enrolments SET score = ? WHERE session_id = ? AND trainee_id = ?",
                {OptInt(score), session_id, trainee_id}));
}

Result<std::map<int64_t, EnrolmentState>> EnrolmentStates(storage::Connection& conn,
                                                          int64_t session_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id, score, certificate_code FROM "
                                         "training_enrolments WHERE session_id = ?",
                                         {session_id}));
  std::map<int64_t, EnrolmentState> out;
  for (const auto& r : rows) {
    EnrolmentState st;
    if (auto v = r.OptInt(1)) st.score = static_cast<int>(*v);
    st.certificate_code = r.OptText(2);
    out[r.Int(0)] = st;
  }
  return out;
}

namespace {

const storage::Columns kCertificate(
    "e.certificate_code, e.trainee_id, t.name, c.title, c.level, s.name AS session_name, "
    "c.organiser_kind, "
    "c.organiser_name, c.organiser_entity_id, c.region_code, s.starts_on, s.ends_on, "
    "e.result_on");

}  // namespace

Result<std::optional<CertificateRow>> CertificateByCode(storage::Connection& conn,
                                                        const std::string& code) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOptional(
                       "SELECT " + kCertificate.List() +
                           " FROM training_enrolments e JOIN training_trainees t ON t.id = "
                           "e.trainee_id JOIN training_sessions s ON s.id = e.session_id JOIN "
                           "training_courses c ON c.id = s.course_id WHERE e.certificate_code = ? "
                           "AND e.result = 'qualified'",
                       {code}));
  if (!row) return std::optional<CertificateRow>();
  NamedRow r(*row, kCertificate);
  CertificateRow out;
  out.trainee_id = r.Int("trainee_id");
  out.code = r.Text("certificate_code");
  out.name = r.Text("name");
  out.course_title = r.Text("title");
  out.level = r.Text("level");
  out.session_name = r.Text("session_name");
  out.organiser_kind = r.Text("organiser_kind");
  out.organiser_name = r.Text("organiser_name");
  out.organiser_entity_id = r.OptInt("organiser_entity_id");
  out.course_region = *RegionCode::Parse(r.Text("region_code"));
  out.starts_on = r.Text("starts_on");
  out.ends_on = r.Text("ends_on");
  out.result_on = r.Text("result_on");
  return std::optional(out);
}

Result<std::vector<QualifiedRow>> QualifiedIn(storage::Connection& conn, const RegionCode& scope) {
  Where w;
  w.InSubtree("t.region_code", scope);
  w.Eq("e.result", std::string("qualified"));
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT e.id, e.trainee_id, c.id, e.session_id, t.name, t.region_code, c.level, "
                 "c.title, COALESCE(e.certificate_code, ''), e.result_on FROM training_enrolments "
                 "e JOIN training_trainees t ON t.id = e.trainee_id JOIN training_sessions s ON "
                 "s.id = e.session_id JOIN training_courses c ON c.id = s.course_id" +
                     w.Clause() + " ORDER BY e.result_on, e.id",
                 w.params()));
  std::vector<QualifiedRow> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8), r.Text(9)});
  return out;
}

// ---- indicator reads ----
namespace {

// The attendance rows of the span (the covering index training_attendance_region serves it).
Where SpanWhere(const Span& s, const std::string& audience) {
  Where w;
  w.InSubtree("a.region_code", s.region);
  w.Cmp("a.day", ">=", s.from).Cmp("a.day", "<=", s.to);
  if (!audience.empty())
    w.Sql("a.trainee_id IN (SELECT id FROM training_trainees WHERE audiences LIKE ?)",
          {"%," + audience + ",%"});
  return w;
}

Result<int64_t> CountOf(storage::Connection& conn, const std::string& sql, const Params& p) {
  ASSIGN_OR_RETURN(Row row, conn.QueryOne(sql, p, "count"));
  return row.Int(0);
}

}  // namespace

Result<int64_t> PersonTimes(storage::Connection& conn, const Span& s, const std::string& audience) {
  Where w = SpanWhere(s, audience);
  return CountOf(conn,
                 "SELECT COUNT(*) FROM (SELECT DISTINCT a.session_id, a.trainee_id FROM "
                 "training_attendance a" +
                     w.Clause() + ") x",
                 w.params());
}

Result<int64_t> UniqueTrainees(storage::Connection& conn, const Span& s,
                               const std::string& audience) {
  Where w = SpanWhere(s, audience);
  return CountOf(conn,
                 "SELECT COUNT(DISTINCT a.trainee_id) FROM training_attendance a" + w.Clause(),
                 w.params());
}

Result<std::map<int64_t, std::string>> LastDayOfTrainees(storage::Connection& conn, const Span& s) {
  Where w = SpanWhere(s, "");
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT a.trainee_id, MAX(a.day) FROM training_attendance a" +
                                  w.Clause() + " GROUP BY a.trainee_id",
                              w.params()));
  std::map<int64_t, std::string> out;
  for (const auto& r : rows) out[r.Int(0)] = r.Text(1);
  return out;
}

Result<std::vector<OutcomeFact>> OutcomesSince(storage::Connection& conn, const RegionCode& region,
                                               const std::string& from) {
  Where w;
  w.InSubtree("region_code", region);
  w.Cmp("happened_on", ">=", from);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT trainee_id, kind, happened_on FROM "
                                         "training_outcomes" +
                                             w.Clause(),
                                         w.params()));
  std::vector<OutcomeFact> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

Result<int64_t> TraineesWithOutcome(storage::Connection& conn, const Span& s,
                                    const std::string& kind) {
  Where w;
  w.InSubtree("region_code", s.region);
  w.Eq("kind", kind).Cmp("happened_on", ">=", s.from).Cmp("happened_on", "<=", s.to);
  return CountOf(conn, "SELECT COUNT(DISTINCT trainee_id) FROM training_outcomes" + w.Clause(),
                 w.params());
}

// ---- dictionaries ----

Result<std::vector<DictValue>> DictEntries(storage::Connection& conn, const RegionCode& county,
                                           const std::string& dict) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT value, label, disabled FROM training_dict_entries WHERE "
                              "county_code = ? AND dict = ? ORDER BY id",
                              {county.str(), dict}));
  std::vector<DictValue> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), false, r.Int(2) != 0});
  return out;
}

Status AddDictEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                    const DictValue& v, Stamp stamp) {
  return Done(
      conn.Exec("INSERT INTO training_dict_entries (county_code, dict, value, label, created_by, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                {county.str(), dict, v.value, v.label, OptId(stamp.by), stamp.now_ms}));
}

Status SetTraineeHousehold(storage::Connection& conn, int64_t trainee_id, int64_t household_id,
                           int64_t now_ms) {
  // The trainee's training now helps the household (the coverage figure): its attendance's
  // counties are marked from their first day (storage/figure_changes.h).
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(day) FROM training_attendance WHERE trainee_id = ? GROUP BY "
      "region_code",
      {trainee_id}, now_ms));
  return Done(conn.Exec("UPDATE training_trainees SET household_id = ? WHERE id = ?",
                        {household_id, trainee_id}));
}

Result<std::vector<std::pair<int64_t, std::string>>> UnlinkedTrainees(storage::Connection& conn) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, id_enc FROM training_trainees WHERE "
                                         "household_id IS NULL ORDER BY id",
                                         {}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Text(1));
  return out;
}

Result<std::set<int64_t>> HouseholdsTrained(storage::Connection& conn, const RegionCode& region,
                                            CivilDate from, CivilDate to) {
  Where w;
  w.InSubtree("a.region_code", region)
      .Cmp("a.day", ">=", from.ToString())
      .Cmp("a.day", "<=", to.ToString())
      .Sql("t.household_id IS NOT NULL");
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT DISTINCT t.household_id FROM training_attendance a "
                              "JOIN training_trainees t ON t.id = a.trainee_id" +
                                  w.Clause(),
                              w.params()));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

Status SetDictEntryDisabled(storage::Connection& conn, const RegionCode& county,
                            const std::string& dict, const std::string& value, bool disabled) {
  auto n = conn.Exec(
      "UPDATE training_dict_entries SET disabled = ? WHERE county_code = ? AND "
      "dict = ? AND value = ?",
      {int64_t{disabled}, county.str(), dict, value});
  if (!n.ok()) return n.take_error();
  if (*n == 0) return Error::NotFound("本县没有添加字典项“" + value + "”");
  return {};
}

}  // namespace ruralec::training::store
