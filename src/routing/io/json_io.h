// The platform's own JSON format for routing problems and plans (documented in
// docs/ROUTING.md). Distances in metres, times in seconds from midnight, money in yuan.
#pragma once

#include <string>

#include "core/result.h"
#include "routing/model.h"

namespace ruralec::routing {

// Parses a problem document. Errors carry the JSON path of the offending field.
Result<Problem> ParseProblemJson(const std::string& text);
Result<Problem> ReadProblemJsonFile(const std::string& path);
// Serialises a problem with explicit matrices (round-trips through ParseProblemJson).
std::string ProblemToJson(const Problem& problem);
// Serialises a scheduled plan (ids, not indices).
std::string SolutionToJson(const Problem& problem, const Solution& solution);

}  // namespace ruralec::routing
