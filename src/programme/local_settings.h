// Local settings (地方设定, issue 16 item 3): the parts of a programme the document leaves to the
// county (`set_locally` settings of award rules, `open` notes of targets, funds and workflow
// stages) and the county's values for them. The file form of a value is the award rule's
// `local:` block (docs/PROGRAMME_FORMAT.md); the console writes exactly that block into the
// stored YAML text, so a new version made in the console and the same file loaded by hand are
// the same version (same text, same SHA-256), and exporting and re-importing changes nothing.
//
// Contract: ApplyLocalEdits never invents other content: it replaces or adds only the `local:`
// block of the rules named, and the result is checked by the same checker as a file (never
// above the seed's cap or rate, only for parts declared open). Plain structs, no JSON, no SQL.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "programme/programme.h"

namespace ruralec::programme {

// One part of the programme left to local decision.
struct LocalItem {
  std::string kind;       // award_rule | target | fund | workflow_stage
  std::string item_id;    // R02, T07, the fund id, the stage name
  std::string name;       // rule name, target indicator, fund name, stage
  std::string setting;    // award rules: tiers | amount | rate | eligibility; others: open
  std::string field;      // the `local:` field: tiers | value | percent | threshold | working_days
  std::string metric;     // eligibility: the metric the local threshold applies to (the first
                          // eligibility line without a threshold), so the form offers its units
  bool settable = false;  // award-rule settings and open workflow stages; targets, funds: shown
  std::string note;       // why it is open (set_locally note or `open:`)
  std::optional<Quantity> cap;           // the seed's maximum amount (`up_to` + `cap`)
  std::optional<Quantity> seed_percent;  // the seed's rate, a maximum when `up_to`
  std::string text;                      // the plan's words
  std::string source;
  std::optional<LocalValues> local;       // the value in force in this version, if any
  std::optional<StageLocal> stage_local;  // the same for a workflow stage
};

// Every set_locally / open item, in file order (award rules first, then targets, funds,
// workflow stages).
std::vector<LocalItem> LocalItems(const Programme& p);

// The values a county submits for one award rule or one open workflow stage (the whole
// `local:` block of the rule or stage). Exactly one of rule_id / stage.
struct LocalEdit {
  std::string rule_id;
  std::string stage;         // workflow stage name, e.g. rectification
  std::string working_days;  // the stage's deadline in working days (decimal digits)
  std::string set_by;
  std::string decided_on;  // YYYY-MM-DD, the date of the local document
  std::string reference;   // local document number (文号)
  struct TierText {
    std::string from, to, amount;  // "1000万元"; from/to may be empty (open band)
  };
  std::vector<TierText> tiers;
  std::string value, percent, threshold;  // "3万元", "3%", "100万元"; empty = not set
};

// The new YAML text, and for each changed line (1-based, in the new text) the request field it
// came from ("values[0].tiers[1]"), so a checker issue on that line names the field.
struct SplicedText {
  std::string text;
  std::map<int, std::string> field_at_line;
  std::map<int, std::string> label_at_line;  // "R02 第2档", prefixed to the checker's message
};

// Checks the shape of each edit (known rule with open parts or stage with `open`, 文号, date,
// at least one value; kInvalidArgument naming "values[i].<field>") and writes each `local:`
// block into `text` (the verbatim file `p` was read from), replacing an existing block.
Result<SplicedText> ApplyLocalEdits(const std::string& text, const Programme& p,
                                    const std::vector<LocalEdit>& edits);

// A checker issue on spliced text as a field error: the field of its line ("yaml" otherwise).
struct FieldIssue {
  std::string field;
  std::string message;
};
std::vector<FieldIssue> MapIssues(const SplicedText& spliced, const std::vector<Issue>& issues);

}  // namespace ruralec::programme
