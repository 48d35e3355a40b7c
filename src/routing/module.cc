#include "routing/module.h"

#include "routing/cli/route_command.h"

namespace ruralec::routing {

// The solver has no tables, permissions or routes: only the `route solve` command.
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "routing";
    m.title = "路径优化";
    m.commands = [](CLI::App& app, const runtime::CommandEnv&) { AddRouteCommand(app); };
    return m;
  }();
  return m;
}

}  // namespace ruralec::routing
