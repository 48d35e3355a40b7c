#include "logistics/plan_store.h"

namespace ruralec::logistics {
namespace {

constexpr const char* kColumns =
    "id, county_code, region_code, created_by, status, problem, options, stops, time_limit_ms, "
    "elapsed_ms, iterations, best_cost, result, error_code, error_message, error_field, "
    "created_at, started_at, finished_at, updated_at";

storage::Value OptText(const std::optional<std::string>& s) {
  if (s) return *s;
  return storage::Null{};
}

PlanRow FromRow(const storage::Row& r) {
  PlanRow p;
  p.id = r.Int(0);
  p.county_code = r.Text(1);
  p.region_code = r.Text(2);
  p.created_by = r.Int(3);
  p.status = r.Text(4);
  p.problem = r.Text(5);
  p.options = r.Text(6);
  p.stops = r.Int(7);
  p.time_limit_ms = r.Int(8);
  p.elapsed_ms = r.Int(9);
  p.iterations = r.Int(10);
  p.best_cost = r.OptText(11);
  p.result = r.OptText(12);
  p.error_code = r.OptText(13);
  p.error_message = r.OptText(14);
  p.error_field = r.OptText(15);
  p.created_at = r.Int(16);
  p.started_at = r.OptInt(17);
  p.finished_at = r.OptInt(18);
  p.updated_at = r.Int(19);
  return p;
}

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
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional(std::string("SELECT ") + kColumns +
                                                    " FROM logistics_plans WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<PlanRow>();
  return std::optional<PlanRow>(FromRow(*row));
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
