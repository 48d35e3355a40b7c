// JSON edge of the award module: lines with their explanation, rule outcomes and diffs, as
// printed by `ruralec awards evaluate --json`, served by the API and stored with each line.
// Inside the module explanations are the typed Explanation; only the list store (which keeps
// them as JSON text) decodes them, with ExplanationFromJson.
#pragma once

#include <nlohmann/json.hpp>

#include "award/award.h"

namespace ruralec::award {

using Json = nlohmann::json;

Json ExplanationJson(const Line& l);  // {status, metrics[], tier, percent, multipliers, cap …}
// {subject_kind, subject_id, subject_name, rule_id, amount_fen, explanation} (the CLI
// contract); amount_fen is null unless the line is payable.
Json LineJson(const Line& l);
Json RuleOutcomeJson(const RuleOutcome& r);
Json DiffJson(const Diff& d);
// The inverse of ExplanationJson for the fields of Explanation (a line's status, region and
// payee are its own columns). kInternal, naming what is wrong, when `text` is not one;
// ExplanationJson of the result gives the same JSON back.
Result<Explanation> ExplanationFromJson(const std::string& text);
RuleOutcome RuleOutcomeFromJson(const Json& j);

}  // namespace ruralec::award
