#include "logistics/plan_runner.h"

#include <chrono>
#include <cstdio>

#include "logistics/plan_store.h"
#include "routing/io/json_io.h"

namespace ruralec::logistics {
namespace {

constexpr std::chrono::milliseconds kProgressEvery{1000};

std::string CostText(double cost) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", cost);
  return buf;
}

}  // namespace

Result<std::string> RunPlanJob(storage::Database& db, const Clock& clock, PlanJob& job,
                               const std::atomic<bool>& cancel) {
  {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(bool mine, MarkRunning(*conn, job.id, clock.NowMs()));
    if (!mine) return Error::Conflict("规划任务已不在排队状态");
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto last_write = t0;
  PlanProgress progress;
  auto callback = [&](const routing::Progress& p) {
    progress.iterations = p.iteration;
    if (p.best_cost > 0) progress.best_cost = CostText(p.best_cost);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_write >= kProgressEvery) {
      last_write = now;
      progress.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - t0).count();
      auto conn = db.Acquire();
      (void)WriteProgress(*conn, job.id, progress, clock.NowMs());
    }
    return !cancel.load();
  };
  job.options.cancel = &cancel;
  Result<routing::Solution> sol = routing::Solve(job.problem, job.options, callback);
  progress.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  auto conn = db.Acquire();
  if (cancel.load()) {
    const Error e{ErrorCode::kUnavailable, "服务停止，任务中断", ""};
    RETURN_IF_ERROR(MarkFailed(*conn, job.id, e, clock.NowMs()));
    return e;
  }
  if (!sol.ok()) {
    RETURN_IF_ERROR(MarkFailed(*conn, job.id, sol.error(), clock.NowMs()));
    return sol.error();
  }
  progress.best_cost = CostText(sol->cost.total());
  std::string plan = routing::SolutionToJson(job.problem, *sol);
  RETURN_IF_ERROR(MarkDone(*conn, job.id, progress, plan, clock.NowMs()));
  return plan;
}

PlanRunner::PlanRunner(storage::Database& db, const Clock& clock, int workers, int max_queued)
    : db_(db), clock_(clock), max_workers_(workers), max_queued_(max_queued) {}

PlanRunner::~PlanRunner() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) t.join();
  // Jobs that never started: record why, so that pollers do not wait for them.
  for (const PlanJob& job : queue_) {
    auto conn = db_.Acquire();
    (void)MarkFailed(*conn, job.id, Error{ErrorCode::kUnavailable, "服务停止，任务中断", ""},
                     clock_.NowMs());
  }
}

Status PlanRunner::Submit(PlanJob job) {
  std::lock_guard<std::mutex> lock(mu_);
  if (static_cast<int>(queue_.size()) >= max_queued_) {
    return Error{ErrorCode::kUnavailable, "规划任务排队已满，请稍后再试", ""};
  }
  queue_.push_back(std::move(job));
  if (idle_ == 0 && static_cast<int>(workers_.size()) < max_workers_) {
    workers_.emplace_back([this] { Work(); });
  } else {
    cv_.notify_one();
  }
  return {};
}

void PlanRunner::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    ++idle_;
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    --idle_;
    if (stop_) return;
    PlanJob job = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    (void)RunPlanJob(db_, clock_, job, stop_);
    lock.lock();
  }
}

}  // namespace ruralec::logistics
