// A programme (实施方案 / 工作方案 / 实施办法) as plain structs: the plan every party answers to.
// Read from a YAML file (programme/yaml_reader.h, the edge), checked and resolved by
// programme/check.h, stored by programme/store.h. The file format is docs/PROGRAMME_FORMAT.md.
//
// Contract: every item keeps the 1-based `line` of the file where it was written, so a check
// error or a reviewer can go back to the file, and a `source` note that points into the seed
// document. Values are kept exactly as written (`Quantity::text` + `unit`); `normalized` is
// filled by Check() in the indicator's base unit (fen for money). Parts a document leaves open
// are never invented: they are absent values with an `open` note or a `set_locally` setting.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace ruralec::programme {

// A number with its unit as written in the plan ("1.28" + "万人次"). Check() fills `normalized`
// (integer in the unit's base: fen, us_cent, count, person_time, metre, basis_point).
struct Quantity {
  std::string text;  // decimal as written, e.g. "65", "1.28"
  std::string unit;  // e.g. "亿元", "个", "%"
  int line = 0;
  std::optional<int64_t> normalized;
  std::string base_unit;  // filled with `normalized`
};

// A region named in the plan. `name` as written; `code` optional (digits, 2..12). Check()
// resolves it against the NBS divisions and fills `resolved_code` / `resolved_name` (today's
// name, e.g. 偃师市 → 偃师区).
struct RegionRef {
  std::string name;
  std::string code;
  int line = 0;
  std::string resolved_code;  // 12 digits once resolved
  std::string resolved_name;
};

struct Phase {
  std::string name;
  std::optional<CivilDate> start, end;  // either may be open ("2019年3月以后")
  std::string text;
  std::string source;
  int line = 0;
};

struct Quota {
  RegionRef region;
  Quantity value;  // unit is the target's unit
  std::string source;
  int line = 0;
};

// "each town at least N": expanded at check time over the programme region's children whose
// NBS name ends with one of `name_suffixes` (e.g. 乡, 镇), plus the children named explicitly
// in `names` (三八、汴河街道 when the sentence lists those 街道 and not every one). Not a sum
// constraint.
struct QuotaEach {
  Quantity value;
  std::string applies_to;  // as written, e.g. "每个乡镇"
  std::vector<std::string> name_suffixes;
  std::vector<RegionRef> names;  // explicit regions besides the suffix classes
  std::string source;            // where the sentence is (default: the target's source)
  int line = 0;
  std::vector<RegionRef> regions;  // filled by Check(): the children it applies to
};

struct Target {
  std::string id;                             // stable key inside the programme, e.g. "T01"
  std::string indicator;                      // registry id (programme/indicators.h)
  std::map<std::string, std::string> params;  // indicator parameters (threshold, level, kind …)
  std::string comparator;                     // ">=", ">", "<=", "<", "="
  std::optional<Quantity> value;              // absent when the plan gives no number
  std::string open;                           // why `value` (or a part) is open
  bool aspiration = false;                    // 力争: a stretch goal
  std::optional<CivilDate> deadline;
  std::string deadline_note;        // how the deadline was read ("到2018年底")
  std::optional<RegionRef> region;  // default: the programme region
  std::vector<Quota> quotas;
  bool quotas_must_sum = false;  // quotas must add up to `value`
  std::optional<QuotaEach> quota_each;
  std::vector<RegionRef> candidates;  // regions named as candidates (力争), no number each
  std::string text;                   // the plan's words
  std::string source;
  int line = 0;
};

struct Task {
  int number = 0;  // 序号
  std::string text;
  std::vector<std::string> lead_units;
  std::vector<std::string> coordinating_units;
  std::optional<CivilDate> deadline;
  std::string deadline_text;            // as written ("2018年12月31日前")
  std::vector<std::string> targets;     // linked target ids
  std::vector<std::string> indicators;  // linked indicator ids
  std::string source;
  int line = 0;
};

struct Eligibility {
  std::string metric;      // e.g. uplink_online_sales, online_sales, online_export_sales
  std::string period;      // year | once | programme
  std::string comparator;  // ">=", ">" …
  std::optional<Quantity> threshold;
  std::string text;
  int line = 0;
};

struct Tier {
  std::optional<Quantity> from, to;  // metric range [from, to)
  Quantity amount;
  int line = 0;
};

// How much an award is. `type`: fixed | percentage | tiers | open. `up_to` marks a maximum
// ("以内", "不超过"): the amount actually paid is a local setting within it.
struct Amount {
  std::string type;
  std::optional<Quantity> value;    // fixed amount per subject
  std::optional<Quantity> percent;  // percentage rate (unit %)
  std::string of;                   // metric the percentage applies to
  bool up_to = false;
  std::vector<Tier> tiers;
  bool tiers_set_locally = false;
  std::optional<Quantity> cap, floor;
  int line = 0;
};

struct Multiplier {
  std::string region_tag;  // poverty_county, old_revolutionary_area …
  Quantity uplift;         // unit %
  std::string source;
  int line = 0;
};

// A part of a rule the document leaves to local decision ("分档" without tiers).
struct LocalSetting {
  std::string setting;  // tiers | amount | rate | eligibility …
  std::string note;
  int line = 0;
};

// Values a county fixed for the parts of a rule the document leaves open (`set_locally`):
// the rule's `local:` block. Every value here is flagged as set locally (by `set_by`, with the
// local decision `reference`), never as the seed's. Check() allows a field only when the rule
// declares the matching set_locally setting (tiers → tiers, value → amount, percent → rate,
// threshold → eligibility) and keeps it within the seed's `up_to` cap or rate.
struct LocalValues {
  std::string set_by;  // the unit that decided, e.g. 埇桥区商务局、区财政局
  std::optional<CivilDate> decided_on;
  std::string reference;  // local document number or meeting minutes
  std::vector<Tier> tiers;
  std::optional<Quantity> value;      // fixed amount per subject
  std::optional<Quantity> percent;    // rate actually paid
  std::optional<Quantity> threshold;  // eligibility threshold the document did not give
  int line = 0;
};

struct AwardRule {
  std::string id;
  std::string name;
  std::string kind;     // reward | subsidy
  std::string subject;  // entity | brand | station | demonstration | trainee | purchase | export
                        // | project
  std::string designation_level;  // for demonstration: national | province | city | district
  std::string designation_kind;   // county | town | village | point | enterprise
  std::vector<Eligibility> eligibility;
  std::vector<std::string> region_tags;  // applies only in regions with these tags
  // Subject flags that must all hold: enterprise (entity kind 企业), cooperative, linkage_model,
  // contract_farming, employs_poor (src/entity Linkage). See KnownAwardFlags().
  std::vector<std::string> flags;
  Amount amount;
  std::vector<Multiplier> multipliers;
  // once: at most once per subject over the whole programme; yearly: once per subject and
  // period; per_person / per_event: once per trainee / purchase record.
  std::string frequency;  // once | yearly | per_person | per_event
  bool payable_after_acceptance = false;
  // 择优名额: at most this many subjects are paid, ranked by the first eligibility metric
  // (highest first); the others get a beyond_quota line (docs/AWARDS.md "择优名额").
  std::optional<int> quota;
  std::vector<LocalSetting> set_locally;
  std::optional<LocalValues> local;
  std::string text;
  std::string source;
  int line = 0;
};

struct Tranche {
  std::string name;
  Quantity amount;
  int line = 0;
};

struct Fund {
  std::string id;
  std::string name;
  std::string kind;  // special | matching
  std::optional<Quantity> amount;
  std::string open;
  std::vector<Tranche> tranches;  // must add up to `amount`
  std::string source;
  int line = 0;
};

struct FundCategory {
  std::string id;
  std::string name;
  std::string fund;  // Fund::id
  std::optional<Quantity> amount;
  std::vector<std::string> tags;  // what it pays for: service_centre, training, uplink …
  std::string source;
  int line = 0;
};

// kind: max_share | min_share (percent of `fund` spent on `tag`), max_advance_share (percent
// of an award paid before acceptance), prohibited_use (items), categories_sum (categories of
// `fund` add up to its amount), payable_after_acceptance.
struct FundConstraint {
  std::string id;
  std::string kind;
  std::string fund;
  std::string tag;
  std::optional<Quantity> percent;
  bool in_principle = false;  // 原则上
  bool clawback = false;      // advance reclaimed when acceptance fails
  std::vector<std::string> items;
  std::string text;
  std::string source;
  int line = 0;
};

struct FundPlan {
  std::vector<Fund> funds;
  std::vector<FundCategory> categories;
  std::vector<FundConstraint> constraints;
  std::vector<std::string> support_directions;  // what the money should mainly support
  std::string source;
};

// Values a county fixed for a workflow stage the document leaves open (`open:`), e.g. the
// deadline of 限期整改: the stage's `local:` block. Check() allows it only on a stage with `open`.
struct StageLocal {
  std::string set_by;
  std::optional<CivilDate> decided_on;
  std::string reference;  // local document number
  std::optional<int> working_days;
  int line = 0;
};

struct WorkflowStage {
  std::string stage;  // application | review | acceptance | evaluation | rectification | …
  std::string after;  // the event the deadline counts from
  std::optional<int> working_days;
  std::vector<std::string> conclusions;  // qualified | basically_qualified | unqualified
  bool publish_conclusion = false;
  std::string open;
  std::optional<StageLocal> local;
  std::string text;
  std::string source;
  int line = 0;
};

struct MaterialList {
  std::string project_type;  // service_centre | training | logistics | supply_chain | …
  std::string name;
  std::vector<std::string> items;
  std::string source;
  int line = 0;
};

struct Reporting {
  std::string frequency;  // quarterly
  std::string by;
  std::string source;
  int line = 0;
};

struct Workflow {
  std::vector<WorkflowStage> stages;
  std::vector<MaterialList> materials;
  std::vector<Reporting> reporting;
};

struct Programme {
  std::string format;  // "ruralec.programme/1"
  std::string id;      // stable key, e.g. "luan_2019_measures"
  std::string name;
  std::string kind;    // demonstration | consolidation | upgrade | measures
  std::string status;  // final | draft_for_comment
  std::vector<std::string> issuers;
  std::string document_number;  // 文号, may be empty for a draft
  std::optional<CivilDate> issued_on;
  RegionRef region;
  std::optional<CivilDate> period_start, period_end;
  std::string period_note;
  std::string source_document;
  std::vector<Phase> phases;
  std::vector<Target> targets;
  std::vector<Task> tasks;
  std::vector<AwardRule> award_rules;
  FundPlan fund_plan;
  Workflow workflow;
  std::vector<std::string> notes;
};

// A problem found while reading or checking, tied to a file line.
struct Issue {
  std::string file;
  int line = 0;
  std::string message;
};

std::string FormatIssue(const Issue& issue);  // "file:line: message"

}  // namespace ruralec::programme
