// Projects (项目申报评审验收, issue 21 items 6–8; docs/PROJECTS.md): applications of the six
// project types of 004 附件2 with their required materials, the workflow from draft to archive as a
// state machine of idempotent commands, and its deadlines on the official working-day calendar.
//
// Contract:
//  - A project has a type (catalogue.cc: six types, 28 required materials), a region (county
//    or below; its county files it), a phase (分阶段申报: phase n of an earlier project of the
//    same type and county) and optionally a fund of the funds module with its key there.
//  - Materials are attachments (owner {"projects", "project", id}, slot = the material code);
//    evidence of a transition is slot "evidence". Submitting (draft → submitted, and
//    correction → pre_review) is refused naming every required material that has no file.
//  - Status moves only along kTransitions (catalogue.cc); each move is a command with an
//    idempotency key: the same key with the same command returns the first transition and
//    changes nothing (repeated = true); with another command it is refused (kConflict, field
//    idempotency_key). Every move records the actor, the event date (not before the previous
//    move nor after today), the note, the grade, the evidence files (of this project) and the
//    calendar version used, and is audited "projects.transition" in the same transaction.
//  - Deadlines (deadlines.h): review 5 working days from receipt (补正 pauses it), acceptance 5
//    from the request, evaluation 3 from the acceptance, rectification a date set locally.
//    A deadline whose walk enters a year the calendar does not know has no date and is
//    provisional; open deadlines are recomputed on the current calendar whenever read.
//  - Reminders: an open deadline is due soon when its date is today or within the next
//    kReminderWorkingDays working days (on the calendar; past a year it does not know, nothing
//    is guessed: such a deadline is not flagged). The inbox filters them and the home page
//    counts them, as it counts the overdue ones.
//  - An evaluation's outcome is the fund's: approval → the fund's project accepted, failed →
//    failed (funds::PutProject, in the same transaction).
//  - Scope: projects:read sees projects whose region is in the caller's subtree; writes need
//    projects:edit (applicant side) or projects:review (the office and co-reviewers) as the
//    transition says, and the region in scope. Outside the view a project is "not found".
// Tables owned: projects, project_transitions, project_deadlines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::projects {

enum class State {
  kDraft,
  kSubmitted,
  kPreReview,
  kCorrection,
  kReview,
  kRejected,
  kImplementing,
  kAcceptanceRequested,
  kAcceptance,
  kEvaluation,
  kRectification,
  kApproval,
  kFailed,
  kPayment,
  kArchived,
};
const char* StateName(State s);   // "draft", "pre_review", …
const char* StateLabel(State s);  // "草稿", "初审", …
Result<State> ParseState(std::string_view s);
std::vector<State> AllStates();

enum class Grade { kPass, kBasicPass, kFail };  // 合格 / 基本合格 / 不合格
const char* GradeName(Grade g);                 // "pass" | "basic_pass" | "fail"
const char* GradeLabel(Grade g);
Result<Grade> ParseGrade(std::string_view s);  // the names or the Chinese words

struct Material {
  std::string code;   // a slot name, unique over all types: "psc_report"
  std::string label;  // "企业申请报告"
};
struct ProjectType {
  std::string code;  // "public_service_center"
  std::string label;
  std::vector<Material> materials;
};
// The six types of 004 附件2, 28 materials in all.
const std::vector<ProjectType>& Types();
const ProjectType* FindType(std::string_view code);
// The attachment slots a programme's material set may add beyond the 28 (materials.h):
// extra_1 … extra_10, "其他材料1" ….
const std::vector<Material>& ExtraMaterialSlots();
// Whether `code` is a material slot: one of the 28 or an extra one.
bool IsMaterialSlot(std::string_view code);

// Who may take a transition and what it needs (catalogue.cc kTransitions).
enum class Needs { kNothing, kMaterials, kNote, kGrade, kRectifyBy };
struct TransitionRule {
  State from, to;
  const char* permission;  // "projects:edit" | "projects:review"
  const char* label;       // "提交申报"
  bool note_required = false;
  bool materials = false;     // every required material must have a file
  bool grade = false;         // an evaluation grade is required
  std::vector<Grade> grades;  // the grades allowed (empty: none given)
  bool rectify_by = false;    // a rectification deadline date is required
};
const std::vector<TransitionRule>& Transitions();
const TransitionRule* FindRule(State from, State to);

struct Project {
  int64_t id = 0;
  std::string county_code;
  RegionCode region;
  std::string region_name;
  std::string type;
  std::string name, applicant, note;
  int phase = 1;
  std::optional<int64_t> parent_id;
  std::optional<int64_t> fund_id;
  std::string fund_project_key;
  std::optional<int64_t> subsidy_fen;
  State status = State::kDraft;
  CivilDate status_on;
  std::optional<Grade> grade;
  std::optional<int64_t> reviewer_id;
  std::string reviewer_name;
  int64_t created_at = 0, updated_at = 0;
};

struct ProjectInput {
  RegionCode region;
  std::string type, name, applicant, note;
  std::optional<int64_t> parent_id;  // the earlier phase
  std::optional<int64_t> fund_id;
  std::string fund_project_key;  // default "XM-<id>"
  std::optional<int64_t> subsidy_fen;
  std::optional<int64_t> reviewer_id;
};

struct Command {
  State to = State::kDraft;
  std::string idempotency_key;
  std::optional<CivilDate> on;  // the event date; default today (Asia/Shanghai)
  std::string note;
  std::optional<Grade> grade;
  std::optional<CivilDate> rectify_by;
  std::vector<int64_t> evidence;  // file ids of this project (slot "evidence" or any)
};

struct Transition {
  int64_t id = 0, project_id = 0;
  int seq = 0;
  State from = State::kDraft, to = State::kDraft;
  CivilDate on;
  std::string idempotency_key, note, calendar_version;
  std::optional<Grade> grade;
  std::optional<CivilDate> rectify_by;
  std::vector<int64_t> evidence;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  int64_t created_at = 0;
  bool repeated = false;  // the key had been used: this is the first result
};

// A project's deadline at one stage.
struct Deadline {
  int64_t id = 0, project_id = 0;
  std::string stage;  // "review" | "acceptance" | "evaluation" | "rectification"
  CivilDate started_on;
  int working_days = 0;  // 0 for a fixed date (rectification)
  std::optional<CivilDate> fixed_due;
  std::string pauses;  // "from/to,from/" (deadlines.h)
  std::optional<CivilDate> due_on;
  bool provisional = false, paused = false;
  std::string calendar_version;
  std::optional<CivilDate> closed_on;
  // Filled for the inbox.
  std::string project_name, county_code, region_code;
  State project_status = State::kDraft;
  std::optional<int64_t> reviewer_id;
  std::string reviewer_name;
  bool overdue = false;
  bool due_soon = false;  // not overdue, due within kReminderWorkingDays working days
};

// The reminder horizon: deadlines due today or within this many working days are "due soon".
inline constexpr int kReminderWorkingDays = 2;

struct MaterialStatus {
  Material material;
  int64_t files = 0;
};

struct Detail {
  Project project;
  std::vector<MaterialStatus> materials;
  std::vector<Transition> timeline;
  std::vector<Deadline> deadlines;
  std::vector<State> next;  // the states the caller may move it to
  std::string calendar_version;
};

struct Filter {
  RegionCode region;  // default: the caller's
  std::string type, q;
  std::optional<State> status;
};

struct InboxFilter {
  RegionCode region;
  std::string stage;
  std::optional<int64_t> reviewer_id;
  bool overdue_only = false;
  bool due_soon_only = false;
};
struct OverdueCount {
  std::string stage;
  std::optional<int64_t> reviewer_id;
  std::string reviewer_name;
  int64_t count = 0;
};
struct Inbox {
  std::vector<Deadline> items;  // sorted by due date (undated last), then project id
  std::vector<OverdueCount> overdue;
  CivilDate today;
  std::optional<CivilDate> soon_until;  // the horizon's last day (none: the calendar ends first)
};

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
};

Result<Detail> Create(const Deps& d, const account::Principal& who, const ProjectInput& in);
Result<Detail> Get(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Project>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page);
// Applies a command (contract above); the transition, first or repeated, and the project after.
Result<std::pair<Transition, Detail>> Apply(const Deps& d, const account::Principal& who,
                                            int64_t id, const Command& c);
// Open deadlines in scope on the current calendar, and the overdue ones per stage and reviewer.
Result<Inbox> OpenDeadlines(const Deps& d, const account::Principal& who, InboxFilter f);

// The project's files access rule for attachments::api (the county when allowed).
Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write);

}  // namespace ruralec::projects
