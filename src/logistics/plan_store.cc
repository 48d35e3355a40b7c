#include "logistics/plan_store.h"

#include "storage/row.h"

namespace ruralec::logistics {
namespace {

storage::Value OptText(const std::optional<std::string>& s) {
  if (s) return *s;
  return storage::Null{};
}

const storage::RowDecoder<PlanRow> kPlan{{"id", &PlanRow::id},
                                         {"county_code", &PlanRow::county_code},
                                         {"region_code", &PlanRow::region_code},
                                         {"created_by", &PlanRow::created_by},
                                         {"status", &PlanRow::status},
                                         {"problem", &PlanRow::problem},
                                         {"options", &PlanRow::options},
                                         {"stops", &PlanRow::stops},
                                         {"time_limit_ms", &PlanRow::time_limit_ms},
                                         {"elapsed_ms", &PlanRow::elapsed_ms},
                                         {"iterations", &PlanRow::iterations},
                                         {"best_cost", &PlanRow::best_cost},
                                         {"result", &PlanRow::result},
                                         {"error_code", &PlanRow::error_code},
                                         {"error_message", &PlanRow::error_message},
                                         {"error_field", &PlanRow::error_field},
                                         {"created_at", &PlanRow::created_at},
                                         {"started_at", &PlanRow::started_at},
                                         {"finished_at", &PlanRow::finished_at},
                                         {"updated_at", &PlanRow::updated_at}};

}  // namespace

Result<int64_t> InsertPlan(storage::Connection& conn, const PlanRow& row) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query(
          "INSERT INTO logistics_plans (county_code, region_code, created_by, status, "
          "problem, options, stops, time_limit_ms, elapsed_ms, iterations, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) RETURNING id",
          {row.county_code, row.region_code, row.created_by, std::string(kQueued), row.problem,
           row.options, row.stops, row.time_limit_ms, row.created_at, row.created_at}));
  if (rows.empty()) return Error::Internal("logistics_plans: insert returned no id");
  return rows[0].Int(0);
}

Result<std::optional<PlanRow>> FindPlan(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kPlan.List() + " FROM logistics_plans WHERE id = ?", {id}));
  if (!row) return std::optional<PlanRow>();
  return std::optional<PlanRow>(kPlan.Decode(*row));
}

Result<bool> MarkRunning(storage::Connection& conn, int64_t id, int64_t now_ms) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn.Exec("UPDATE logistics_plans SET status = ?, started_at = ?, "
                             "updated_at = ? WHERE id = ? AND status = ?",
                             {std::string(kRunning), now_ms, now_ms, id, std::string(kQueued)}));
  return n == 1;
}

Status WriteProgress(storage::Connection& conn, int64_t id, const PlanProgress& p, int64_t now_ms) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn.Exec("UPDATE logistics_plans SET elapsed_ms = ?, iterations = ?, "
                             "best_cost = ?, updated_at = ? WHERE id = ? AND status = ?",
                             {p.elapsed_ms, p.iterations, OptText(p.best_cost), now_ms, id,
                              std::string(kRunning)}));
  (void)n;
  return {};
}

Status MarkDone(storage::Connection& conn, int64_t id, const PlanProgress& p,
                const std::string& result, int64_t now_ms) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn.Exec("UPDATE logistics_plans SET status = ?, elapsed_ms = ?, iterations = ?, "
                "best_cost = ?, result = ?, finished_at = ?, updated_at = ? "
                "WHERE id = ? AND status IN (?, ?)",
                {std::string(kDone), p.elapsed_ms, p.iterations, OptText(p.best_cost), result,
                 now_ms, now_ms, id, std::string(kQueued), std::string(kRunning)}));
  (void)n;
  return {};
}

Status MarkFailed(storage::Connection& conn, int64_t id, const Error& error, int64_t now_ms) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn.Exec("UPDATE logistics_plans SET status = ?, error_code = ?, "
                "error_message = ?, error_field = ?, finished_at = ?, updated_at = ? "
                "WHERE id = ? AND status IN (?, ?)",
                {std::string(kFailed), std::string(ErrorCodeName(error.code)), error.message,
                 error.field, now_ms, now_ms, id, std::string(kQueued), std::string(kRunning)}));
  (void)n;
  return {};
}

Result<int64_t> FailStalePlans(storage::Connection& conn, int64_t now_ms, int64_t id) {
  return conn.Exec(
      "UPDATE logistics_plans SET status = ?, error_code = ?, error_message = ?, "
      "finished_at = ?, updated_at = ? WHERE (? = 0 OR id = ?) AND "
      "((status = ? AND started_at + time_limit_ms + ? < ?) OR "
      "(status = ? AND created_at + ? < ?))",
      {std::string(kFailed), std::string("unavailable"), std::string("服务重启，任务中断"), now_ms,
       now_ms, id, id, std::string(kRunning), kRunningGraceMs, now_ms, std::string(kQueued),
       kQueuedTimeoutMs, now_ms});
}

}  // namespace ruralec::logistics
