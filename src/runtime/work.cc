#include "runtime/work.h"

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "runtime/context.h"

namespace ruralec::runtime {
namespace {

// What the provider threads and the waiting request share; a late thread keeps it alive.
struct Shared {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<Result<WorkItems>>> answers;
  size_t pending = 0;
};

Result<WorkItems> RunGuarded(const RunProvider& run, const WorkProvider& p) {
  try {
    return run(p);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("待办统计出错: ") + e.what());
  } catch (...) {
    return Error::Internal("待办统计出错");
  }
}

void Start(std::shared_ptr<Shared> shared, size_t slot, RunProvider run, WorkProvider p) {
  std::thread([shared, slot, run = std::move(run), p = std::move(p)] {
    Result<WorkItems> answer = RunGuarded(run, p);
    std::lock_guard lock(shared->mu);
    shared->answers[slot] = std::move(answer);
    --shared->pending;
    shared->cv.notify_all();
  }).detach();
}

}  // namespace

std::vector<WorkLine> CollectWork(const ModuleList& modules, const account::Principal& who,
                                  const RunProvider& run, const WorkOptions& options) {
  std::vector<WorkLine> lines;
  std::vector<const WorkProvider*> asked;
  for (const Module* m : modules) {
    for (const auto& p : m->work) {
      if (!p.permission.empty() && !who.Can(p.permission)) continue;
      lines.push_back({m->name, m->title, p.name, {}, ""});
      asked.push_back(&p);
    }
  }
  auto shared = std::make_shared<Shared>();
  shared->answers.resize(asked.size());
  shared->pending = asked.size();
  for (size_t i = 0; i < asked.size(); ++i) Start(shared, i, run, *asked[i]);
  std::unique_lock lock(shared->mu);
  shared->cv.wait_for(lock, options.timeout, [&] { return shared->pending == 0; });
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& a = shared->answers[i];
    if (!a)
      lines[i].error = "超时（超过 " + std::to_string(options.timeout.count()) + " 毫秒未答复）";
    else if (!a->ok())
      lines[i].error = a->error().message;
    else
      lines[i].items = **a;
  }
  return lines;
}

std::vector<WorkLine> CollectWork(Context& ctx, const account::Principal& who,
                                  const WorkOptions& options) {
  account::Principal caller = who;  // copied: a late provider may outlive the request
  return CollectWork(
      ctx.modules(), who, [&ctx, caller](const WorkProvider& p) { return p.fn(ctx, caller); },
      options);
}

}  // namespace ruralec::runtime
