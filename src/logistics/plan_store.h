// Persistence of planning jobs (table logistics_plans, migration 0004). Any server instance
// can answer a GET from these rows; the instance that accepted a job runs it and writes its
// progress and result here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::logistics {

inline constexpr const char* kQueued = "queued";
inline constexpr const char* kRunning = "running";
inline constexpr const char* kDone = "done";
inline constexpr const char* kFailed = "failed";

struct PlanRow {
  int64_t id = 0;
  std::string county_code, region_code;
  int64_t created_by = 0;
  std::string status;
  std::string problem, options;  // request JSON (problem without "options"; options)
  int64_t stops = 0;
  int64_t time_limit_ms = 0;
  int64_t elapsed_ms = 0, iterations = 0;
  std::optional<std::string> best_cost;  // JSON number text
  std::optional<std::string> result;     // plan JSON when done
  std::optional<std::string> error_code, error_message, error_field;
  int64_t created_at = 0;
  std::optional<int64_t> started_at, finished_at;
  int64_t updated_at = 0;
};

struct PlanProgress {
  int64_t elapsed_ms = 0;
  int64_t iterations = 0;
  std::optional<std::string> best_cost;
};

// Inserts a queued job (row.id is ignored) and returns its id.
Result<int64_t> InsertPlan(storage::Connection& conn, const PlanRow& row);
Result<std::optional<PlanRow>> FindPlan(storage::Connection& conn, int64_t id);
// queued -> running; false if the job was no longer queued.
Result<bool> MarkRunning(storage::Connection& conn, int64_t id, int64_t now_ms);
Status WriteProgress(storage::Connection& conn, int64_t id, const PlanProgress& p, int64_t now_ms);
Status MarkDone(storage::Connection& conn, int64_t id, const PlanProgress& p,
                const std::string& result, int64_t now_ms);
Status MarkFailed(storage::Connection& conn, int64_t id, const Error& error, int64_t now_ms);

// Jobs whose instance went away: running longer than their time limit plus a grace period, or
// queued for longer than kQueuedTimeoutMs. Marks them failed ("服务重启，任务中断") and returns
// how many. `id` = 0 checks every job, otherwise only that one.
inline constexpr int64_t kRunningGraceMs = 60'000;
inline constexpr int64_t kQueuedTimeoutMs = 15 * 60'000;
Result<int64_t> FailStalePlans(storage::Connection& conn, int64_t now_ms, int64_t id = 0);

}  // namespace ruralec::logistics
