// JSON view of a checked programme (`programme show --json`). The field names are a contract
// for outside scripts: tasks[].{number,text,lead_units,coordinating_units,deadline},
// targets[].{indicator,value,unit,value_normalized,deadline,quotas[].{region_code,region_name,
// value}}, fund_plan, award_rules, workflow.
#pragma once

#include <nlohmann/json.hpp>

#include "programme/local_store.h"
#include "programme/programme.h"

namespace ruralec::programme {

nlohmann::ordered_json ToJson(const Programme& p);

// {programme_id, version, change_id, approved_by_name, approved_at_ms, rules, references,
// label}: which local settings an evaluation used (progress, report, awards).
nlohmann::ordered_json LocalVersionJson(const LocalVersion& v);

}  // namespace ruralec::programme
