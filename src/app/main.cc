// ruralec: one binary for the server and every operator command.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "app/commands.h"
// Modules built by later issues plug their commands in here when present.
#if __has_include("routing/cli/route_command.h")
#include "routing/cli/route_command.h"
#endif
#if __has_include("programme/cli/programme_command.h")
#include "programme/cli/programme_command.h"
#endif
#if __has_include("programme/cli/report_command.h")
#include "programme/cli/report_command.h"  // linked with programme_cli
#endif
#if __has_include("award/cli/award_command.h")
#include "award/cli/award_command.h"
#endif
#if __has_include("sales/cli/sales_command.h")
#include "sales/cli/sales_command.h"
#endif
#if __has_include("sales/indicators/sales_indicators.h")
#include "sales/indicators/sales_indicators.h"
#endif

int main(int argc, char** argv) {
  CLI::App app{"ruralec — 农村电商综合示范管理平台 / rural e-commerce programme platform"};
  app.require_subcommand(1);
  ruralec::app::AddServeCommand(app);
  ruralec::app::AddDemoCommand(app);
  ruralec::app::AddRegionsCommand(app);
  ruralec::app::AddUserCommand(app);
  ruralec::app::AddCalendarCommand(app);
  ruralec::app::AddValidateCommand(app);
  ruralec::app::AddAuditCommand(app);
  ruralec::app::AddBackupCommand(app);
#if __has_include("routing/cli/route_command.h")
  ruralec::routing::AddRouteCommand(app);
#endif
#if __has_include("programme/cli/programme_command.h")
  ruralec::programme::AddProgrammeCommands(app);
#endif
#if __has_include("programme/cli/report_command.h")
  ruralec::programme::AddReportCommands(app);  // `report quarterly`
#endif
#if __has_include("sales/cli/sales_command.h")
  ruralec::sales::AddSalesCommands(app);  // `entities …` and `sales …`
#endif
#if __has_include("award/cli/award_command.h")
  ruralec::award::AddAwardCommands(app);  // `awards evaluate`
#endif
#if __has_include("sales/indicators/sales_indicators.h")
  // The ledger feeds programme indicators (e.g. `programme report quarterly`).
  if (auto st = ruralec::sales::indicators::RegisterProcessIndicators(); !st.ok()) {
    spdlog::error("sales indicators: {}", st.error().message);
  }
#endif
  CLI11_PARSE(app, argc, argv);
  return 0;
}
