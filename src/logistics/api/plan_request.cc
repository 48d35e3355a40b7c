#include "logistics/api/plan_request.h"

#include <cmath>

#include "routing/io/json_io.h"

namespace ruralec::logistics::api {
namespace {

using nlohmann::json;

Status CheckSizes(const json& body) {
  const std::pair<const char*, size_t> limits[] = {
      {"stops", kMaxStops}, {"vehicles", kMaxVehicles}, {"depots", kMaxDepots}};
  for (const auto& [name, max] : limits) {
    if (!body.contains(name)) continue;
    if (!body[name].is_array()) return Error::Invalid(name, std::string(name) + " 应为数组");
    if (body[name].size() > max) {
      return Error::Invalid(name, std::string(name) + " 数量超过上限 " + std::to_string(max));
    }
  }
  return {};
}

Result<int64_t> IntOption(const json& o, const char* name, int64_t fallback, int64_t lo,
                          int64_t hi) {
  if (!o.contains(name)) return fallback;
  const json& v = o[name];
  const std::string field = std::string("options.") + name;
  if (!v.is_number_integer()) return Error::Invalid(field, "应为整数");
  const int64_t x = v.get<int64_t>();
  if (x < lo || x > hi) {
    return Error::Invalid(field,
                          "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间");
  }
  return x;
}

Status ParseOptions(const json& o, PlanRequest& r) {
  if (!o.is_object()) return Error::Invalid("options", "应为对象");
  double limit = 10;
  if (o.contains("time_limit_seconds")) {
    const json& v = o["time_limit_seconds"];
    if (!v.is_number()) return Error::Invalid("options.time_limit_seconds", "应为数字");
    limit = v.get<double>();
    if (!(limit > 0 && limit <= kMaxTimeLimitSeconds)) {
      return Error::Invalid("options.time_limit_seconds", "求解时限应大于 0 且不超过 60 秒");
    }
  }
  ASSIGN_OR_RETURN(const int64_t seed, IntOption(o, "seed", 1, 0, INT64_MAX));
  ASSIGN_OR_RETURN(const int64_t threads, IntOption(o, "threads", 1, 1, kMaxThreads));
  ASSIGN_OR_RETURN(const int64_t iters, IntOption(o, "max_iterations", -1, 0, kMaxIterations));
  if (o.contains("synchronous") && !o["synchronous"].is_boolean()) {
    return Error::Invalid("options.synchronous", "应为 true 或 false");
  }
  r.synchronous = o.value("synchronous", false);
  r.options.time_limit_seconds = limit;
  r.options.seed = static_cast<uint64_t>(seed);
  r.options.threads = static_cast<int>(threads);
  r.options.max_iterations = iters;
  return {};
}

}  // namespace

Result<PlanRequest> ParsePlanRequest(const json& body) {
  PlanRequest r;
  RETURN_IF_ERROR(CheckSizes(body));
  RETURN_IF_ERROR(ParseOptions(body.value("options", json::object()), r));
  json doc = body;
  doc.erase("options");
  r.problem_json = doc.dump();
  auto problem = routing::ParseProblemJson(r.problem_json);
  if (!problem.ok()) {
    Error e = problem.take_error();
    e.message = "规划问题无效：" + e.message;
    if (e.field.empty()) e.field = "body";
    return e;
  }
  r.problem = std::move(*problem);
  if (Status s = routing::Validate(r.problem); !s.ok()) {
    Error e = s.error();
    e.message = "规划问题无效：" + e.message;
    return e;
  }
  if (r.synchronous && r.problem.stops.size() > kMaxSynchronousStops) {
    return Error::Invalid("options.synchronous", "同步求解仅限不超过 12 个站点的问题");
  }
  if (r.synchronous) {
    r.options.time_limit_seconds =
        std::min(r.options.time_limit_seconds, kSynchronousTimeLimitSeconds);
    if (r.options.max_iterations < 0) r.options.max_iterations = kSynchronousIterations;
  }
  json opts = {{"time_limit_seconds", r.options.time_limit_seconds},
               {"seed", r.options.seed},
               {"threads", r.options.threads},
               {"synchronous", r.synchronous}};
  if (r.options.max_iterations >= 0) opts["max_iterations"] = r.options.max_iterations;
  r.options_json = opts.dump();
  return r;
}

}  // namespace ruralec::logistics::api
