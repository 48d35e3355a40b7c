// Award rules engine (奖补): evaluates a programme's award rules for one period into a list
// that explains every fen. Pure domain code on plain structs; the data comes from an adapter
// (award/data.h) and lists are stored by award/lists.h. docs/AWARDS.md is the full contract.
//
// Contract:
//  - Deterministic: the same programme, period, data and history give the same lines in the
//    same order (rule order of the file, then subject kind, then subject id).
//  - Integer arithmetic only; sums are checked (an amount or total beyond int64 fails the
//    evaluation with a clear error instead of wrapping). Percentages and uplifts round half up to
//    the fen (四舍五入, the rounding of Chinese financial vouchers); order: base (fixed / tier /
//    rate) → region uplift (largest applicable, not compounded) → cap → floor.
//  - A rule whose subject kind or metric has no data source yet evaluates to kNoDataSource,
//    never to zero. A part the document leaves open and no local value fills is flagged
//    (kNeedsLocalSetting lines, amount absent) and never invented.
//  - frequency once: a subject with an approved award of the same rule in another period gets
//    a kAlreadyAwarded line with no amount.
//  - quota (择优名额): the rule's eligible subjects are ranked by its first eligibility metric;
//    those whose rank and equals fit in the quota keep their line, the others get a
//    kBeyondQuota line with no amount saying their rank (equals across the cut are all beyond
//    it: the county decides).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "programme/programme.h"

namespace ruralec::award {

// The designation behind a `demonstration` subject: what a line names as its evidence.
struct DesignationRef {
  int64_t id = 0;
  std::string level;  // national | province | city | county (rules say district for county)
  std::string kind;   // county | town | village | point | enterprise | park
  int year = 0;
  std::string document_no, issuing_body, recognised_on;
};

// The qualification behind a `trainee` subject (training module): what a line names as its
// evidence — the course, its level and the certificate code that verifies it.
struct TrainingRef {
  int64_t enrolment_id = 0, trainee_id = 0, course_id = 0;
  std::string course_title, level, level_label, certificate_code, qualified_on;
};

// A subject as the data adapter found it, with its metrics over the evaluated period.
struct Subject {
  std::string kind;  // entity | brand | export (the exporting entity) | demonstration | trainee
                     // | purchase | station | household (a poor household of the register)
  int64_t id = 0;
  std::string name;
  std::string region_code;                 // 12 digits
  int64_t payee_entity_id = 0;             // who is paid (a brand's owner)
  std::set<std::string> flags;             // enterprise, cooperative, linkage_model, …
  std::set<std::string> region_tags;       // of its region and every ancestor
  bool personal_name = false;              // name may be a natural person's (masked when published)
  std::map<std::string, int64_t> metrics;  // metric → value in its base unit
  std::map<std::string, std::vector<int64_t>> evidence;  // metric → ledger record ids
  std::optional<DesignationRef> designation;             // kind demonstration only
  std::optional<TrainingRef> training;                   // kind trainee only
  // metric → a remark the data edge makes about the figure (002 R07: months whose attributed
  // sales exceed the ledger were counted at the ledger's figure); appended to the note of every
  // line whose rule reads that metric.
  std::map<std::string, std::string> metric_notes;
};

struct SubjectData {
  std::map<std::string, std::vector<Subject>> by_kind;  // only kinds with a data source
  std::set<std::string> metrics;                        // metrics with a data source
};

// An approved line of an earlier list (for frequency once).
struct PriorAward {
  std::string rule_id, subject_kind;
  int64_t subject_id = 0;
  std::string period;
  int64_t list_id = 0;
  int version = 0;
};

struct EvalInput {
  const programme::Programme* programme = nullptr;  // checked (values normalized)
  std::string period;                               // "2019"
  const SubjectData* data = nullptr;
  std::vector<PriorAward> prior;  // approved lines of the same programme, any period
};

enum class LineStatus { kPayable, kNeedsLocalSetting, kAlreadyAwarded, kBeyondQuota };
// payable | needs_local_setting | already_awarded | beyond_quota
const char* LineStatusName(LineStatus s);
std::optional<LineStatus> ParseLineStatus(const std::string& s);

struct MetricUse {
  std::string metric;
  int64_t value = 0;
  std::string unit;  // fen | us_cent
  std::string comparator;
  int64_t threshold = 0;
  bool threshold_set_locally = false;
  std::vector<int64_t> record_ids;
};

struct TierUse {
  int index = 0;                    // 1-based
  std::optional<int64_t> from, to;  // [from, to) in the metric's unit
  int64_t amount_fen = 0;
};

struct MultiplierUse {
  std::string region_tag;
  int64_t uplift_bp = 0;  // 2000 = 20%
  bool applied = false;   // the largest applicable uplift is applied, the others listed
};

// A rule's 择优名额 (`quota`): the subject's place among the rule's eligible subjects, ranked by
// the first eligibility metric (competition ranks: equal values share a rank, 1, 2, 2, 4).
struct QuotaUse {
  int places = 0;  // the quota
  int rank = 0;
  int tied = 1;         // subjects sharing the rank (this one included)
  bool within = false;  // the rank and all its equals fit in the places
};

struct Explanation {
  std::string rule_name, rule_text, source;
  std::string amount_type;  // fixed | percentage | tiers | open
  std::vector<MetricUse> metrics;
  std::optional<TierUse> tier;
  std::optional<int64_t> percent_bp;
  std::string percent_of;
  std::optional<int64_t> percent_base;  // value of `percent_of`
  std::optional<int64_t> base_fen;      // before uplift, cap and floor
  std::vector<MultiplierUse> multipliers;
  std::optional<int64_t> after_uplift_fen;
  std::optional<int64_t> cap_fen, floor_fen;
  bool cap_applied = false, floor_applied = false;
  bool set_locally = false;  // a value came from the rule's `local:` block
  std::string set_by, local_reference;
  std::string frequency;
  bool payable_after_acceptance = false;
  std::string note;  // why the amount is absent (needs local setting / already awarded)
  std::optional<PriorAward> prior;
  std::optional<DesignationRef> designation;  // the recognising document (demonstration)
  std::optional<TrainingRef> training;        // the qualification (trainee)
  std::optional<QuotaUse> quota;              // the rule has a quota
};

struct Line {
  std::string rule_id;
  std::string subject_kind;
  int64_t subject_id = 0;
  std::string subject_name;
  std::string region_code;
  int64_t payee_entity_id = 0;
  bool personal_name = false;
  LineStatus status = LineStatus::kPayable;
  std::optional<int64_t> amount_fen;  // present iff kPayable
  Explanation explanation;
};

enum class RuleStatus { kEvaluated, kNoDataSource, kNeedsLocalSetting, kNotEvaluable };
const char* RuleStatusName(RuleStatus s);

struct RuleOutcome {
  std::string rule_id, rule_name, subject;
  RuleStatus status = RuleStatus::kEvaluated;
  std::string reason;  // Chinese, for the user
  int64_t candidates = 0, lines = 0, payable_fen = 0;
};

struct Evaluation {
  std::string period;
  std::vector<Line> lines;
  std::vector<RuleOutcome> rules;
  int64_t total_fen = 0;  // sum of payable lines
};

// "2019" → 2019; kInvalidArgument (field "period") otherwise.
Result<int> ParseYear(const std::string& period);

// kConflict (MoneyOverflow) when an amount or a total would leave int64: the evaluation fails
// rather than give a wrapped amount.
Result<Evaluation> Evaluate(const EvalInput& in);

// Metric → base unit of its value ("fen" or "us_cent"); empty for an unknown metric.
std::string MetricUnit(const std::string& metric);

// Money arithmetic (exposed for tests): value × bp / 10000 rounded half up, exact (128-bit
// intermediate) for |bp| < 1e18; nullopt when the result leaves int64.
std::optional<int64_t> ApplyRate(int64_t value, int64_t basis_points);

// ---- Diff against the last approved list ----
struct LineKey {
  std::string rule_id, subject_kind;
  int64_t subject_id = 0;
  auto operator<=>(const LineKey&) const = default;  // NOLINT(modernize-use-nullptr)
};
LineKey KeyOf(const Line& l);

struct DiffEntry {
  std::string change;  // added | removed | changed
  LineKey key;
  std::string subject_name;
  std::optional<int64_t> old_amount_fen, new_amount_fen;
  std::string old_status, new_status;
};
struct Diff {
  std::vector<DiffEntry> entries;  // ordered by key
  int64_t unchanged = 0;
  int64_t old_total_fen = 0, new_total_fen = 0;
};
// Checked totals: kConflict (MoneyOverflow) when a total would leave int64.
Result<Diff> DiffLines(const std::vector<Line>& approved, const std::vector<Line>& current);

// Publication masking: a natural person's name keeps its first character and, when longer
// than three characters, its last two (张三家庭农场 → 张***农场); other names are unchanged.
std::string MaskName(const std::string& name, bool personal);

}  // namespace ruralec::award
