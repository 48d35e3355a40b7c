#include "logistics/api/plan_handlers.h"

#include <memory>
#include <thread>

#include "http/params.h"
#include "logistics/api/plan_request.h"
#include "logistics/plan_runner.h"
#include "logistics/plan_store.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

constexpr int kWorkers = 2;     // concurrent solves per server instance
constexpr int kMaxQueued = 32;  // waiting jobs per instance before 503

Json PlanJson(const PlanRow& row) {
  Json out = {{"id", row.id},
              {"status", row.status},
              {"county_code", row.county_code},
              {"stops", row.stops},
              {"time_limit_seconds", static_cast<double>(row.time_limit_ms) / 1000.0},
              {"created_at", http::TimeJson(row.created_at)},
              {"started_at", http::OptTimeJson(row.started_at)},
              {"finished_at", http::OptTimeJson(row.finished_at)}};
  Json best = nullptr;
  if (row.best_cost) best = Json::parse(*row.best_cost, nullptr, false);
  out["progress"] = {
      {"elapsed_ms", row.elapsed_ms}, {"best_cost", best}, {"iterations", row.iterations}};
  if (row.status == kDone && row.result) out["result"] = Json::parse(*row.result, nullptr, false);
  if (row.status == kFailed) {
    out["error"] = {{"code", row.error_code.value_or("internal")},
                    {"message", row.error_message.value_or("")},
                    {"field", row.error_field.value_or("")}};
  }
  return out;
}

Result<PlanRow> LoadScoped(storage::Database& db, const Clock& clock, const Request& req,
                           int64_t id) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(auto row, FindPlan(*conn, id));
  if (!row) return Error::NotFound("规划任务不存在");
  ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(row->region_code));
  if (!req.principal().InScope(region)) return Error::NotFound("规划任务不存在");
  if (row->status == kQueued || row->status == kRunning) {
    // The instance running it may have gone away: fail it once it is overdue.
    ASSIGN_OR_RETURN(int64_t n, FailStalePlans(*conn, clock.NowMs(), id));
    if (n > 0) {
      ASSIGN_OR_RETURN(row, FindPlan(*conn, id));
      if (!row) return Error::NotFound("规划任务不存在");
    }
  }
  return *row;
}

Result<int64_t> WaitMs(const Request& req) {
  ASSIGN_OR_RETURN(int64_t ms, req.QueryInt("wait_ms", 0));
  if (ms < 0 || ms > 30'000) return Error::Invalid("wait_ms", "等待时间应在 0 到 30000 毫秒之间");
  return ms;
}

// GET with ?wait_ms=N long-polls (real time, not the injected clock) until the job has
// finished or N ms have passed.
Result<Json> GetPlan(storage::Database& db, const Clock& clock, const Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  ASSIGN_OR_RETURN(int64_t wait_ms, WaitMs(req));
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (true) {
    ASSIGN_OR_RETURN(PlanRow row, LoadScoped(db, clock, req, id));
    const bool finished = row.status == kDone || row.status == kFailed;
    if (finished || std::chrono::steady_clock::now() >= until) return PlanJson(row);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

Result<Json> CreatePlan(storage::Database& db, const Clock& clock, PlanRunner& runner, Request& req,
                        Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(PlanRequest plan, ParsePlanRequest(body));
  const account::Principal& who = req.principal();
  PlanRow row;
  row.county_code = who.region.county().str();
  row.region_code = who.region.str();
  row.created_by = who.id.value;
  row.problem = plan.problem_json;
  row.options = plan.options_json;
  row.stops = static_cast<int64_t>(plan.problem.stops.size());
  row.time_limit_ms = static_cast<int64_t>(plan.options.time_limit_seconds * 1000);
  row.created_at = clock.NowMs();
  int64_t id = 0;
  {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(id, InsertPlan(*conn, row));
  }
  PlanJob job{id, std::move(plan.problem), plan.options};
  if (!plan.synchronous) {
    if (Status s = runner.Submit(std::move(job)); !s.ok()) {
      auto conn = db.Acquire();
      (void)MarkFailed(*conn, id, s.error(), clock.NowMs());
      return s.error();
    }
    // The state at acceptance; the worker may already have started it.
    row.id = id;
    row.status = kQueued;
    reply.status = 202;
    return PlanJson(row);
  }
  (void)RunPlanJob(db, clock, job, runner.cancel());  // the outcome is in the row
  reply.status = 201;
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(auto stored, FindPlan(*conn, id));
  if (!stored) return Error::Internal("logistics_plans: row vanished");
  return PlanJson(*stored);
}

}  // namespace

void RegisterRoutes(http::Server& s, storage::Database& db, const Clock& clock) {
  {
    // Jobs of an instance that stopped without finishing them.
    auto conn = db.Acquire();
    (void)FailStalePlans(*conn, clock.NowMs());
  }
  // Owned by the route handlers: it lives as long as the server and, when the server is
  // destroyed, cancels running solves and joins its workers.
  auto runner = std::make_shared<PlanRunner>(db, clock, kWorkers, kMaxQueued);
  s.Post("/logistics/plans", {.permission = "logistics:plan:create"},
         [&db, &clock, runner](Request& req, Reply& reply) -> Result<Json> {
           return CreatePlan(db, clock, *runner, req, reply);
         });
  s.Get(R"(/logistics/plans/(\d+))", {.permission = "logistics:plan:read"},
        [&db, &clock](Request& req, Reply&) -> Result<Json> { return GetPlan(db, clock, req); });
}

}  // namespace ruralec::logistics::api
