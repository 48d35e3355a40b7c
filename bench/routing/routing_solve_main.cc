// Minimal host for the `route` subcommand (same code path as build/ruralec route ...).
#include <CLI/CLI.hpp>

#include "routing/cli/route_command.h"

int main(int argc, char** argv) {
  CLI::App app{"ruralec routing benchmark driver"};
  app.require_subcommand(1);
  ruralec::routing::AddRouteCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
