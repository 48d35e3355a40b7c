// Checks a parsed programme and resolves what it refers to: indicators and their units, values
// normalized to base units, region names to NBS codes, quotas that must add up, deadlines inside
// the period, links between tasks and targets, award-rule and fund-plan consistency.
// Every problem is an Issue with the file line of the offending item. Check() fills the
// `normalized` and `resolved_*` fields it validates, so show/load see resolved values.
#pragma once

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

}  // namespace ruralec::programme
