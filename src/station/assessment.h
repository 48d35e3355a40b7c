// Station assessment (站点考核, issue 17 item 3). The plans ask for 考核和动态管理 and 根据业绩
// 择优扶持 but give no scoring items, so a county sets them as a template; town and county staff
// assess each station per period against it; a failed assessment may lead to a rectification or
// to an exit that staff confirm — nothing exits by itself.
//
// Contract:
//  - Template (county setting, station:assess:template — county staff): name (unique in the
//    county), period kind (year | half | quarter | month), pass mark (points of 100), 1–30 items
//    each with a name, a weight (whole percent, the weights sum to 100) and a maximum score
//    (1–1000). A template an assessment uses is never changed (kConflict: make a new one);
//    it can be retired (no new assessments; old ones stay readable).
//  - Assessment (station:assess — county and town staff, the station's region in scope): one per
//    station, template and period ("2025", "2025-H1", "2025-Q3", "2025-06" by the template's
//    kind; not a period that has not begun). A score per item (0 … its maximum, every item
//    once), an optional comment and evidence file (checked as task attachments are). The total
//    is Σ round(score × weight × 100 ÷ max) in hundredths of a point (0 … 10000), rounded half
//    up per item; passed = total ≥ pass mark × 100. Assessing a station that has exited is a
//    conflict.
//  - Follow-up of a failed assessment (station:assess, in scope): open a rectification
//    (deadline not before the assessment, status open → done) or propose an exit (proposed →
//    confirmed, which changes the station to exited through its status history with a date,
//    reason and document, or withdrawn). One follow-up per assessment; a passed one has none.
//  - Reads follow the station's visibility (station.h View). The ranking of a region's
//    stations for a template and period (town or county; station:read) orders by total, ties
//    sharing a rank.
//  - Every write is audited in its transaction: station.assessment.template,
//    station.assessment, station.assessment.followup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "station/station.h"

namespace ruralec::station {

enum class PeriodKind { kYear, kHalf, kQuarter, kMonth };
const char* PeriodKindName(PeriodKind k);   // year | half | quarter | month
const char* PeriodKindLabel(PeriodKind k);  // 年度 | 半年 | 季度 | 月度
Result<PeriodKind> ParsePeriodKind(std::string_view text, std::string_view field = "period_kind");
// The first day of a period label of kind `k` ("2025-H2" → 2025-07-01), kInvalidArgument naming
// field "period" when the label is not of that kind.
Result<CivilDate> PeriodStart(PeriodKind k, std::string_view period);

struct TemplateItem {
  int64_t id = 0;
  std::string name;
  int64_t weight = 0;     // percent
  int64_t max_score = 0;  // points
};

struct TemplateInput {
  std::string name;
  PeriodKind period_kind = PeriodKind::kYear;
  int64_t pass_mark = 60;
  std::vector<TemplateItem> items;  // ids ignored
};

struct AssessmentTemplate {
  int64_t id = 0;
  RegionCode county;
  std::string name;
  PeriodKind period_kind = PeriodKind::kYear;
  int64_t pass_mark = 0;
  bool retired = false;
  int64_t assessments = 0;  // how many use it (> 0: it cannot change)
  std::vector<TemplateItem> items;
  int64_t created_at = 0, updated_at = 0;
};

struct ItemScore {
  int64_t item_id = 0;
  int64_t score = 0;
  std::string note;
  // Filled on reads:
  std::string item_name;
  int64_t weight = 0, max_score = 0;
};

struct AssessmentInput {
  int64_t template_id = 0;
  std::string period;
  std::optional<CivilDate> assessed_on;  // default today
  std::vector<ItemScore> scores;
  std::string comment;
};

enum class Followup { kNone, kRectification, kExit };
const char* FollowupName(Followup f);  // none | rectification | exit

struct EvidenceFile {
  std::string filename, content_type, sha256;
  int64_t size = 0;
};

struct Assessment {
  int64_t id = 0, station_id = 0, template_id = 0;
  std::string station_name, template_name;
  RegionCode region;
  std::string region_name;
  std::string period;
  CivilDate assessed_on;
  int64_t total_centi = 0, pass_mark = 0;
  bool passed = false;
  std::string comment;
  std::optional<EvidenceFile> evidence;
  Followup followup = Followup::kNone;
  std::string followup_status;  // "" | open | done | proposed | confirmed | withdrawn
  std::optional<CivilDate> followup_deadline;
  std::string followup_note;
  std::optional<int64_t> assessed_by;
  std::string assessed_by_name;
  std::vector<ItemScore> scores;  // in template order (filled on single reads)
  int64_t created_at = 0, updated_at = 0;
};

// Σ round-half-up(score × weight × 100 ÷ max) over the items (scores matched by item id).
int64_t TotalCenti(const std::vector<TemplateItem>& items, const std::vector<ItemScore>& scores);

// Templates of the caller's county (retired ones too when `with_retired`).
Result<std::vector<AssessmentTemplate>> Templates(const Deps& d, const account::Principal& who,
                                                  bool with_retired);
Result<AssessmentTemplate> GetTemplate(const Deps& d, const account::Principal& who, int64_t id);
Result<AssessmentTemplate> CreateTemplate(const Deps& d, const account::Principal& who,
                                          const TemplateInput& in);
Result<AssessmentTemplate> UpdateTemplate(const Deps& d, const account::Principal& who, int64_t id,
                                          const TemplateInput& in);
Result<AssessmentTemplate> RetireTemplate(const Deps& d, const account::Principal& who, int64_t id);

Result<Assessment> Assess(const Deps& d, const account::Principal& who, int64_t station_id,
                          const AssessmentInput& in);
// Attaches (or replaces) the evidence file of an assessment (station:assess, in scope).
Result<Assessment> AttachEvidence(const Deps& d, const account::Principal& who, int64_t id,
                                  std::string_view filename, std::string_view bytes);
Result<std::pair<EvidenceFile, std::string>> ReadEvidence(const Deps& d,
                                                          const account::Principal& who,
                                                          int64_t id);
Result<Assessment> GetAssessment(const Deps& d, const account::Principal& who, int64_t id);
// The station's assessments, newest period first (scores not filled).
Result<std::vector<Assessment>> AssessmentsOf(const Deps& d, const account::Principal& who,
                                              int64_t station_id);

struct FollowupInput {
  Followup kind = Followup::kRectification;
  std::optional<CivilDate> deadline;  // required for a rectification
  std::string note;
};
Result<Assessment> OpenFollowup(const Deps& d, const account::Principal& who, int64_t id,
                                const FollowupInput& in);
// A rectification completed (open → done), with a note.
Result<Assessment> CloseRectification(const Deps& d, const account::Principal& who, int64_t id,
                                      const std::string& note);
// A proposed exit confirmed (the station changes to exited with `change`'s date, reason and
// document, its history keeping the row) or withdrawn (change not used).
Result<Assessment> DecideExit(const Deps& d, const account::Principal& who, int64_t id,
                              bool confirm, const NewStatus& change);

struct RankedAssessment {
  int64_t rank = 0;
  Assessment a;
};
// The assessments of `template_id` and `period` of the stations in `region` (a town or county
// inside the caller's view), highest total first; equal totals share a rank.
Result<std::vector<RankedAssessment>> Ranking(const Deps& d, const account::Principal& who,
                                              const RegionCode& region, int64_t template_id,
                                              const std::string& period);

// For the award engine (003 R03): per station of `scope`, the total (centi-points) of its
// latest assessment whose period lies in `year`, with that assessment's id.
struct YearAssessment {
  int64_t station_id = 0, assessment_id = 0, total_centi = 0;
  bool passed = false;
  std::string period, template_name;
};
Result<std::vector<YearAssessment>> AssessmentsInYear(storage::Connection& conn,
                                                      const RegionCode& scope, int year);

}  // namespace ruralec::station
