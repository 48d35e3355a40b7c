// Runs planning jobs on worker threads of the server instance that accepted them. Each job's
// progress is written to its row at most once a second; the plan (or the error) at the end.
// Destroying the runner (server shutdown) cancels running solves: their jobs are marked failed
// ("服务停止，任务中断") and so are jobs still waiting in the queue.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "routing/model.h"
#include "routing/solver.h"
#include "storage/db.h"

namespace ruralec::logistics {

struct PlanJob {
  int64_t id = 0;
  routing::Problem problem;
  routing::SolveOptions options;
};

// Solves a problem, keeps the row's progress current, returns the plan JSON or the error.
// Used by the workers and, for small synchronous requests, by the request thread itself.
Result<std::string> RunPlanJob(storage::Database& db, const Clock& clock, PlanJob& job,
                               const std::atomic<bool>& cancel);

class PlanRunner {
 public:
  PlanRunner(storage::Database& db, const Clock& clock, int workers, int max_queued);
  ~PlanRunner();
  PlanRunner(const PlanRunner&) = delete;
  PlanRunner& operator=(const PlanRunner&) = delete;

  // Queues a job whose row exists (status queued). kUnavailable when the queue is full.
  Status Submit(PlanJob job);
  const std::atomic<bool>& cancel() const { return stop_; }

 private:
  void Work();

  storage::Database& db_;
  const Clock& clock_;
  const int max_workers_, max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<PlanJob> queue_;
  std::vector<std::thread> workers_;
  int idle_ = 0;
  std::atomic<bool> stop_{false};
};

}  // namespace ruralec::logistics
