// JSON edge of the award module: lines with their explanation, rule outcomes and diffs, as
// printed by `ruralec awards evaluate --json`, served by the API and stored with each line.
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
// Reads back a stored line: the stored columns plus its explanation JSON.
Line LineFromStored(const std::string& rule_id, const std::string& subject_kind, int64_t subject_id,
                    const std::string& subject_name, const std::optional<int64_t>& amount_fen,
                    const std::string& status);

}  // namespace ruralec::award
