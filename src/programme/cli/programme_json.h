// JSON view of a checked programme (`programme show --json`). The field names are a contract
// for outside scripts: tasks[].{number,text,lead_units,coordinating_units,deadline},
// targets[].{indicator,value,unit,value_normalized,deadline,quotas[].{region_code,region_name,
// value}}, fund_plan, award_rules, workflow.
#pragma once

#include <nlohmann/json.hpp>

#include "programme/programme.h"

namespace ruralec::programme {

nlohmann::ordered_json ToJson(const Programme& p);

}  // namespace ruralec::programme
