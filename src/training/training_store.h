// The training module's only SQL, on its own tables (0021_training.sql). No rules here:
// callers (service.cc, trainees.cc, import.cc, indicators.cc) validated the input and checked
// permission and scope. Every function runs in the caller's connection and transaction.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/page.h"
#include "crypto/crypto.h"
#include "storage/db.h"
#include "storage/stamp.h"
#include "training/training.h"

namespace ruralec::training::store {

using Stamp = storage::Stamp;

// What a caller may see: a region subtree (and the areas above it for courses and sessions),
// or — set `trainer` — only what that trainer teaches.
struct View {
  RegionCode region;
  std::optional<int64_t> trainer;
};

// ---- courses ----
Result<int64_t> InsertCourse(storage::Connection& conn, const CourseInput& in, Stamp stamp);
Status UpdateCourse(storage::Connection& conn, int64_t id, const CourseInput& in, Stamp stamp);
// region_name and an entity organiser's name left to the caller.
Result<Course> GetCourse(storage::Connection& conn, int64_t id);
Result<bool> CourseTitleTaken(storage::Connection& conn, const RegionCode& county,
                              const std::string& title, int64_t except_id);
// Whether trainer `user` teaches a session of the course.
Result<bool> TeachesCourse(storage::Connection& conn, int64_t user, int64_t course_id);
Result<Page<Course>> ListCourses(storage::Connection& conn, const View& v, const CourseFilter& f,
                                 const PageRequest& page);

// ---- sessions ----
Result<int64_t> InsertSession(storage::Connection& conn, const SessionInput& in, Stamp stamp);
Status UpdateSession(storage::Connection& conn, int64_t id, const SessionInput& in, Stamp stamp);
Status SetTrainers(storage::Connection& conn, int64_t session_id,
                   const std::vector<int64_t>& user_ids);
// Trainers' user ids per session.
Result<std::map<int64_t, std::vector<int64_t>>> TrainersOf(storage::Connection& conn,
                                                           const std::vector<int64_t>& sessions);
Result<Session> GetSession(storage::Connection& conn, int64_t id);
Result<bool> SessionNameTaken(storage::Connection& conn, int64_t course_id, const std::string& name,
                              int64_t except_id);
Result<Page<Session>> ListSessions(storage::Connection& conn, const View& v, const SessionFilter& f,
                                   const PageRequest& page);

// ---- trainees ----
struct NewTrainee {
  TraineeInput in;  // normalized
  std::string gender;
  CivilDate birth;
  std::optional<int64_t> batch_id;
};
Result<int64_t> InsertTrainee(storage::Connection& conn, const crypto::FieldCipher& cipher,
                              const NewTrainee& t, Stamp stamp);
// The trainee with this ID number's blind index, if registered.
Result<std::optional<Trainee>> TraineeByIndex(storage::Connection& conn, const std::string& bidx);
Result<Trainee> GetTrainee(storage::Connection& conn, int64_t id);
Result<std::string> TraineeIdCipher(storage::Connection& conn, int64_t id);
// The registered poor household a trainee heads (households module), once found.
// Links the trainee to the household; marks its attendance's counties (figure_changes.h).
Status SetTraineeHousehold(storage::Connection& conn, int64_t trainee_id, int64_t household_id,
                           int64_t now_ms);
// Trainees not yet linked to a household, with their ID ciphertext: {id, id_enc}, by id.
Result<std::vector<std::pair<int64_t, std::string>>> UnlinkedTrainees(storage::Connection& conn);
// The households (by their linked trainees) with attendance in `region`'s subtree on a day in
// [from, to]: training as help for households' coverage (households::AddHelpSource).
Result<std::set<int64_t>> HouseholdsTrained(storage::Connection& conn, const RegionCode& region,
                                            CivilDate from, CivilDate to);
Result<Page<Trainee>> ListTrainees(storage::Connection& conn, const View& v, const TraineeFilter& f,
                                   const PageRequest& page);
// Whether trainer `user` teaches a session `trainee` is enrolled in.
Result<bool> TeachesTrainee(storage::Connection& conn, int64_t user, int64_t trainee);

// ---- enrolments and attendance ----
Result<int64_t> EnrolledCount(storage::Connection& conn, int64_t session_id);
// The enrolled trainee ids among `ids`.
Result<std::set<int64_t>> EnrolledAmong(storage::Connection& conn, int64_t session_id,
                                        const std::vector<int64_t>& ids);
// Every enrolled trainee of the session, and the (trainee, day) pairs with attendance.
Result<std::set<int64_t>> EnrolledIn(storage::Connection& conn, int64_t session_id);
Result<std::set<std::pair<int64_t, std::string>>> AttendedIn(storage::Connection& conn,
                                                             int64_t session_id);
Status InsertEnrolment(storage::Connection& conn, int64_t session_id, const Trainee& t,
                       Stamp stamp);
// A page of the session's enrolled trainees (within `region`'s subtree when not empty).
Result<Page<AttendanceRow>> EnrolmentPage(storage::Connection& conn, int64_t session_id,
                                          const RegionCode& region, const PageRequest& page);
// Attended days per trainee of the session (among `trainees`).
Result<std::map<int64_t, std::vector<std::string>>> DaysOf(storage::Connection& conn,
                                                           int64_t session_id,
                                                           const std::vector<int64_t>& trainees);
Result<std::set<int64_t>> PresentOn(storage::Connection& conn, int64_t session_id,
                                    const std::string& day);
struct NewAttendance {
  int64_t session_id = 0, trainee_id = 0;
  RegionCode region;  // the trainee's home village
  std::string day, source;
  std::optional<int64_t> batch_id, source_row;
};
const std::vector<std::string>& AttendanceColumns();
std::vector<storage::Value> AttendanceValues(const NewAttendance& a, Stamp stamp);
Status InsertAttendance(storage::Connection& conn, const std::vector<NewAttendance>& rows,
                        Stamp stamp);
// Removes the trainees' attendance of the day and marks the rows' counties changed from the
// day's month (storage/figure_changes.h).
Result<int64_t> DeleteAttendance(storage::Connection& conn, int64_t session_id,
                                 const std::string& day, const std::vector<int64_t>& trainees,
                                 int64_t now_ms);

// ---- outcomes (outcomes.cc) ----
Result<int64_t> InsertOutcome(storage::Connection& conn, const Trainee& t, const OutcomeInput& in,
                              Stamp stamp);
Result<std::vector<Outcome>> OutcomesOf(storage::Connection& conn, int64_t trainee_id);

// ---- results and certificates (results.cc) ----
struct ResultRow {
  int64_t trainee_id = 0;
  std::optional<int> score;
  std::string result;  // qualified | not_qualified
  std::string result_on;
  std::optional<std::string> certificate_code;
};
Status SetResult(storage::Connection& conn, int64_t session_id, const ResultRow& r, Stamp stamp);
Status SetScore(storage::Connection& conn, int64_t session_id, int64_t trainee_id,
                std::optional<int> score);
// Current score and certificate per enrolled trainee of the session.
struct EnrolmentState {
  std::optional<int> score;
  std::optional<std::string> certificate_code;
};
Result<std::map<int64_t, EnrolmentState>> EnrolmentStates(storage::Connection& conn,
                                                          int64_t session_id);
struct CertificateRow {
  int64_t trainee_id = 0;
  std::string code, name, course_title, level, session_name, organiser_kind, organiser_name,
      starts_on, ends_on, result_on;
  std::optional<int64_t> organiser_entity_id;
  RegionCode course_region;
};
Result<std::optional<CertificateRow>> CertificateByCode(storage::Connection& conn,
                                                        const std::string& code);
// Every qualified enrolment of trainees whose home village lies in `scope`, oldest first.
struct QualifiedRow {
  int64_t enrolment_id = 0, trainee_id = 0, course_id = 0, session_id = 0;
  std::string name, region_code, level, course_title, certificate_code, result_on;
};
Result<std::vector<QualifiedRow>> QualifiedIn(storage::Connection& conn, const RegionCode& scope);

// ---- indicator reads (indicators.cc) ----
struct Span {
  RegionCode region;     // subtree of the trainees' home villages
  std::string from, to;  // YYYY-MM-DD, inclusive
};
// Distinct (session, trainee) pairs / distinct trainees with attendance in the span; `audience`
// (a dictionary value, "" = all) limits them to trainees of that category.
Result<int64_t> PersonTimes(storage::Connection& conn, const Span& s, const std::string& audience);
Result<int64_t> UniqueTrainees(storage::Connection& conn, const Span& s,
                               const std::string& audience);
// Each trainee with attendance in the span and the last such day (YYYY-MM-DD).
Result<std::map<int64_t, std::string>> LastDayOfTrainees(storage::Connection& conn, const Span& s);
// The outcomes (trainee, kind, happened_on) of trainees whose home village is in the subtree,
// dated on or after `from`.
struct OutcomeFact {
  int64_t trainee_id = 0;
  std::string kind, happened_on;
};
Result<std::vector<OutcomeFact>> OutcomesSince(storage::Connection& conn, const RegionCode& region,
                                               const std::string& from);
// Distinct trainees with an outcome of `kind` dated in the span.
Result<int64_t> TraineesWithOutcome(storage::Connection& conn, const Span& s,
                                    const std::string& kind);

// ---- dictionaries ----
Result<std::vector<DictValue>> DictEntries(storage::Connection& conn, const RegionCode& county,
                                           const std::string& dict);
Status AddDictEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                    const DictValue& v, Stamp stamp);
// kNotFound when the county has no such entry of its own (字典管理 disables or enables it).
Status SetDictEntryDisabled(storage::Connection& conn, const RegionCode& county,
                            const std::string& dict, const std::string& value, bool disabled);

}  // namespace ruralec::training::store
