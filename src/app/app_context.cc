#include "app/app_context.h"

namespace ruralec::app {

Result<std::unique_ptr<AppContext>> Open(const AppOptions& options, const Clock& clock) {
  return runtime::Context::Open(options, clock, Modules());
}

}  // namespace ruralec::app
