// Checks a parsed programme and resolves what it refers to: indicators and their units, values
// normalized to base units, region names to NBS codes, quotas that must add up, deadlines inside
// the period, links between tasks and targets, award-rule and fund-plan consistency.
// Every problem is an Issue with the file line of the offending item. Check() fills the
// `normalized` and `resolved_*` fields it validates, so show/load see resolved values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "programme/programme.h"
#include "programme/regions.h"
#include "programme/yaml_reader.h"

namespace ruralec::programme {

// `regions` null: region references are not resolved (and not reported).
std::vector<Issue> Check(Programme& p, const std::string& file, const RegionDirectory* regions);

// Reads, loads the programme region's divisions from `division_dir`, and checks.
// issues empty means the file is clean. `loaded`, when given, receives the divisions (unset
// when they could not be loaded), for a caller that checks further (seed_check.h).
ParsedProgramme CheckFile(const std::string& path, const std::string& division_dir,
                          std::optional<RegionDirectory>* loaded = nullptr);

// Region tags rules may name (region module built-ins, docs/GLOSSARY).
const std::vector<std::string>& KnownRegionTags();
// Subject flags an award rule may require (`flags:`), read from the entity record.
const std::vector<std::string>& KnownAwardFlags();

// The words the format allows where it fixes a closed list, by field: "kind", "status",
// "comparator", "award.kind", "award.subject", "designation.level", "designation.kind",
// "eligibility.period", "amount.type", "frequency", "set_locally.setting", "fund.kind",
// "constraint.kind", "stage", "conclusion", "reporting.frequency", "region_tag", "flag".
// The checker tests against these lists; the console's editor offers them.
const std::map<std::string, std::vector<std::string>>& FormatVocabulary();

// The values an indicator parameter may take, where the registry's definition fixes them;
// nullptr when any text goes. `direction` is the sales basis: uplink (农村产品上行) or all.
const std::vector<std::string>* AllowedParamValues(const std::string& indicator,
                                                   const std::string& key);

}  // namespace ruralec::programme
