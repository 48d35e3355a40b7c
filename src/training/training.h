// E-commerce training (电商培训, issue 18, docs/TRAINING.md): courses at four levels and their
// sessions (班次), the trainee register, enrolments and attendance.
//
// Contract:
//  - A course belongs to an organising region (a county or a town) and has a level
//    (training_levels: awareness 扫盲班, beginner 初级班, intermediate 中级班, elite 精英班, plus
//    the county's additions), content tags (training_tags), an organiser (an entity, or a bureau
//    named in text), a funding source, target audiences (training_audiences) and its
//    qualification rule (attendance share in basis points, optional minimum test score).
//    The title is unique in its county.
//  - A session (班次) belongs to a course: name unique in the course, dates (ends_on ≥ starts_on,
//    at most 366 days), place, region (the course's region or below), capacity, syllabus and
//    its trainers — user accounts holding training:teach (role trainer).
//  - A trainee is one person: the 居民身份证号 is validated (GB 11643), stored encrypted
//    (context "training_trainees.id_number") with a keyed blind index that is UNIQUE, so
//    registering the same ID again finds the same trainee across sessions and years. Gender and
//    birth date come from the ID; the mobile is encrypted with a masked copy; the home village
//    (region_code, a village) scopes the trainee. Reads return masked values only.
//  - An enrolment is a trainee in a session (at most capacity per session); attendance is one
//    row per enrolled trainee per session day within the session's dates. 人次 (person-times)
//    = enrolments with at least one attendance day (see docs/TRAINING.md for the rule).
//  - Scope: holders of training:read see courses and sessions whose region lies in their
//    subtree or above their region, trainees whose home village lies in their subtree;
//    holders of only training:read:own (trainers) see the sessions they teach, their courses
//    and their trainees. Writes need training:edit (or training:attend for attendance, which a
//    trainer holds for their own sessions) and the region in scope. A record outside the
//    caller's view is "not found".
//  - Every write is audited in the same transaction.
// Tables owned: training_courses, training_sessions, training_session_trainers,
// training_trainees, training_enrolments, training_attendance, training_outcomes,
// training_dict_entries (import batches are the imports module's, kind "training_attendance").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::training {

// Everything the service functions need from the process.
struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// ---- dictionaries ----
struct DictValue {
  std::string value, label;
  bool builtin = true;
  bool disabled = false;  // a county's own entry it disabled: no new choice, label still shown
};
// The built-in entries of training_levels / training_tags / training_audiences /
// training_outcome_kinds (empty for another name).
const std::vector<DictValue>& Builtin(std::string_view dict);
// Built-in + the county's additions; kNotFound for an unknown dictionary.
Result<std::vector<DictValue>> DictValues(storage::Connection& conn, const RegionCode& county,
                                          std::string_view dict);
// Adds an entry to a county's dictionary (training:dict:edit, the caller's county).
// Audited "training.dict.add".
Status AddDictValue(const Deps& d, const account::Principal& who, std::string_view dict,
                    const DictValue& v);
// The audience value of registered poor households (建档立卡贫困户).
inline constexpr char kPoorAudience[] = "registered_poor_household";

// ---- courses ----
struct CourseInput {
  RegionCode region;  // the organising county or town
  std::string title, level;
  std::vector<std::string> tags, audiences;
  std::string organiser_kind = "bureau";  // entity | bureau
  std::optional<int64_t> organiser_entity_id;
  std::string organiser_name;  // the bureau (required for bureau)
  std::string funding;
  int min_attendance_bp = 8000;  // qualified: attended days ≥ this share of the session days
  std::optional<int> min_score;  // and, when set, a test score ≥ this (0–100)
};

struct Course {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  std::string title, level, level_label;
  std::vector<std::string> tags, audiences;
  std::string organiser_kind;
  std::optional<int64_t> organiser_entity_id;
  std::string organiser_name;  // the bureau, or the entity's name
  std::string funding;
  int min_attendance_bp = 8000;
  std::optional<int> min_score;
  int64_t sessions = 0;
  int64_t created_at = 0, updated_at = 0;
};

struct CourseFilter {
  std::string level, tag, q;  // q: title contains
};

// training:edit, region in scope. Audited "training.course.create" / "training.course.update".
Result<Course> CreateCourse(const Deps& d, const account::Principal& who, const CourseInput& in);
Result<Course> UpdateCourse(const Deps& d, const account::Principal& who, int64_t id,
                            const CourseInput& in);
Result<Course> GetCourse(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Course>> ListCourses(const Deps& d, const account::Principal& who,
                                 const CourseFilter& f, const PageRequest& page);

// ---- sessions ----
struct SessionInput {
  int64_t course_id = 0;
  RegionCode region;  // default: the course's region
  std::string name;   // 班次, e.g. 第1期
  CivilDate starts_on, ends_on;
  std::string place, syllabus;
  int capacity = 50;
  std::vector<std::string> trainers;  // usernames holding training:teach
};

struct Trainer {
  int64_t user_id = 0;
  std::string username, display_name;
};

struct Session {
  int64_t id = 0, course_id = 0;
  std::string course_title, level;
  RegionCode region;
  std::string region_name;
  std::string name;
  CivilDate starts_on, ends_on;
  std::string place, syllabus;
  int capacity = 0;
  std::vector<Trainer> trainers;
  int64_t enrolled = 0;
  int64_t created_at = 0, updated_at = 0;
};

struct SessionFilter {
  std::optional<int64_t> course_id;
  std::optional<CivilDate> from, to;  // sessions overlapping [from, to]
};

// training:edit, region in scope. Audited "training.session.create" / "training.session.update".
Result<Session> CreateSession(const Deps& d, const account::Principal& who, const SessionInput& in);
Result<Session> UpdateSession(const Deps& d, const account::Principal& who, int64_t id,
                              const SessionInput& in);
Result<Session> GetSession(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Session>> ListSessions(const Deps& d, const account::Principal& who,
                                   const SessionFilter& f, const PageRequest& page);

// ---- trainees ----
struct TraineeInput {
  std::string id_number, name, mobile;  // mobile "" = none
  RegionCode region;                    // home village
  std::vector<std::string> audiences;
};

struct Trainee {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  std::string name, id_masked;
  std::string gender;  // m | f
  CivilDate birth_date;
  std::optional<std::string> mobile_masked;
  std::vector<std::string> audiences;
  std::optional<int64_t> household_id;
  int64_t sessions = 0;  // enrolments
  int64_t created_at = 0, updated_at = 0;
};

struct TraineeFilter {
  std::string audience, q;  // q: name contains
};

// Registers a trainee, or — when the ID number is already registered — returns that trainee
// (created false) after checking the name is the same (kConflict naming `name` otherwise).
// training:edit; the home village in scope. Audited "training.trainee.create".
struct Registered {
  Trainee trainee;
  bool created = false;
};
Result<Registered> RegisterTrainee(const Deps& d, const account::Principal& who,
                                   const TraineeInput& in);
// Links every trainee not yet linked to the registered poor household it heads (households
// module; each ID number decrypted with the key): for trainees registered before their
// household. `ruralec training link-households`; one audit entry `training.trainee.link`.
struct LinkReport {
  int64_t checked = 0, linked = 0;
};
Result<LinkReport> LinkTraineesToHouseholds(const Deps& d);
Result<Trainee> GetTrainee(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Trainee>> ListTrainees(const Deps& d, const account::Principal& who,
                                   const TraineeFilter& f, const PageRequest& page);
// The unmasked ID number (training:reveal). Audited "pii.view".
Result<std::string> RevealIdNumber(const Deps& d, const account::Principal& who, int64_t id);

// ---- enrolment and attendance ----
// Enrols trainees in a session (capacity checked; an enrolled one is left as is).
// training:edit, or a trainer of the session. Audited "training.enrol".
Status Enrol(const Deps& d, const account::Principal& who, int64_t session_id,
             const std::vector<int64_t>& trainee_ids);

struct AttendanceRow {
  int64_t trainee_id = 0;
  std::string name, id_masked;
  RegionCode region;
  std::vector<std::string> days;  // attended days (YYYY-MM-DD), ascending
  std::optional<int> score;
  std::string result;  // "" | qualified | not_qualified
  std::string certificate_code;
};
// The session's enrolled trainees with their attended days (paged by trainee id). Trainers of
// the session see every row; others the trainees whose home village is in their subtree.
Result<Page<AttendanceRow>> SessionAttendance(const Deps& d, const account::Principal& who,
                                              int64_t session_id, const PageRequest& page);
// Marks the enrolled trainees present (or not) on `day` (within the session's dates, not in
// the future): the day's attendance becomes exactly `present`. training:attend and a trainer of
// the session, or training:edit in scope. Audited "training.attendance" with the counts.
struct DayResult {
  int64_t added = 0, removed = 0;
};
Result<DayResult> RecordDay(const Deps& d, const account::Principal& who, int64_t session_id,
                            CivilDate day, const std::vector<int64_t>& present);

// ---- follow-up outcomes (跟踪服务, outcomes.cc) ----
// What became of a trainee after a course: kind from training_outcome_kinds (opened_shop,
// started_business, employed, first_online_sale, leader), the date it happened (not in the
// future), an optional linked entity (the shop's or business's registered entity) and evidence
// text; who recorded it and when. training:edit with the trainee's home village in scope.
// Audited "training.outcome". Reads follow the trainee's visibility.
struct OutcomeInput {
  std::string kind;
  CivilDate happened_on;
  std::optional<int64_t> entity_id;
  std::string evidence;
};
struct Outcome {
  int64_t id = 0, trainee_id = 0;
  std::string kind, kind_label;
  CivilDate happened_on;
  std::optional<int64_t> entity_id;
  std::string evidence;
  std::optional<int64_t> recorded_by;
  int64_t recorded_at = 0;
};
Result<Outcome> RecordOutcome(const Deps& d, const account::Principal& who, int64_t trainee_id,
                              const OutcomeInput& in);
Result<std::vector<Outcome>> Outcomes(const Deps& d, const account::Principal& who,
                                      int64_t trainee_id);

// ---- completion and certificates (results.cc) ----
// Assesses every enrolled trainee of a session that has ended: qualified (合格) when the
// attended days are at least the course's min_attendance share of the session's days and, when
// the course sets min_score, the test score is at least that. `scores` sets (or, with nullopt,
// clears) trainees' scores first; others keep theirs. A newly qualified trainee gets a random
// certificate code (12 characters of A-Z/2-9 without look-alikes); one no longer qualified loses
// it. A trainer of the session (training:attend) or training:edit in scope; kConflict before
// the session's last day. Audited "training.assess".
struct ScoreInput {
  int64_t trainee_id = 0;
  std::optional<int> score;
};
struct Assessment {
  int64_t assessed = 0, qualified = 0;
};
Result<Assessment> Assess(const Deps& d, const account::Principal& who, int64_t session_id,
                          const std::vector<ScoreInput>& scores);

// What the public verification page shows for a certificate code (no login): the holder's
// name masked (crypto::MaskPersonName), course, level, session dates, organiser, the day of
// qualification. kNotFound for an unknown code.
struct Certificate {
  std::string code, name_masked, course_title, level, level_label, session_name, organiser_name;
  CivilDate starts_on, ends_on, qualified_on;
  RegionCode region;  // the course's organising region
};
Result<Certificate> VerifyCertificate(storage::Connection& conn, const std::string& code);

// The qualified trainees a subsidy pays (award's `trainee` subject): for each person and course
// level, the first qualification ever (by date, then enrolment id) — listed only when it falls
// in `year` and the trainee's home village lies in `scope`. So one person is paid once per
// level however many sessions, courses or years they are qualified in.
struct Qualification {
  int64_t enrolment_id = 0, trainee_id = 0, course_id = 0, session_id = 0;
  std::string name;  // the trainee's (masked when published)
  RegionCode region;
  std::string level, level_label, course_title, certificate_code;
  CivilDate qualified_on;
};
Result<std::vector<Qualification>> FirstQualificationsIn(storage::Connection& conn,
                                                         const RegionCode& scope, int year);

}  // namespace ruralec::training
