// Collecting the home page's work items from every module (issue 26 item 11; docs/MODULES.md
// "Work items"): each provider of runtime::Module::work the caller may ask (its permission held)
// runs on its own thread; the collection waits at most `timeout` for all of them. A provider that
// fails (an error value or an exception) or is late is one error line, never a failed request:
// the others' items still come back. A late provider's thread is left to finish on its own (its
// answer is dropped); it must hold no reference to the request.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "account/account.h"
#include "runtime/module.h"

namespace ruralec::runtime {

struct WorkLine {
  std::string module, module_title, provider;
  WorkItems items;
  std::string error;  // "" = answered; else why not, in Chinese ("超时", the provider's message)
};

struct WorkOptions {
  std::chrono::milliseconds timeout{3000};
};

// Runs `run(provider)` for each provider of `modules` the caller may ask, in module order.
using RunProvider = std::function<Result<WorkItems>(const WorkProvider&)>;
std::vector<WorkLine> CollectWork(const ModuleList& modules, const account::Principal& who,
                                  const RunProvider& run, const WorkOptions& options = {});

// The same with each provider's own function and the process's context.
std::vector<WorkLine> CollectWork(Context& ctx, const account::Principal& who,
                                  const WorkOptions& options = {});

}  // namespace ruralec::runtime
