// Parsing and bounds of a planning request: the platform problem JSON (docs/ROUTING.md) plus
// "options". Errors name the offending field and carry a Chinese message.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "routing/model.h"
#include "routing/solver.h"

namespace ruralec::logistics::api {

inline constexpr size_t kMaxStops = 2000;
inline constexpr size_t kMaxVehicles = 500;
inline constexpr size_t kMaxDepots = 50;
inline constexpr double kMaxTimeLimitSeconds = 60;
inline constexpr int kMaxThreads = 4;
inline constexpr int64_t kMaxIterations = 1'000'000;
inline constexpr size_t kMaxSynchronousStops = 12;
inline constexpr double kSynchronousTimeLimitSeconds = 5;
inline constexpr int64_t kSynchronousIterations = 2000;

struct PlanRequest {
  routing::Problem problem;
  routing::SolveOptions options;
  bool synchronous = false;
  std::string problem_json;  // the body without "options"
  std::string options_json;  // normalised options
};

Result<PlanRequest> ParsePlanRequest(const nlohmann::json& body);

}  // namespace ruralec::logistics::api
