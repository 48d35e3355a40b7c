#include "calendar/module.h"

#include "calendar/api/calendar_handlers.h"
#include "calendar/cli/calendar_command.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::calendar {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "calendar";
    m.title = "工作日日历";
    m.tables = {"calendar_years", "calendar_days"};
    m.permissions = {
        {"calendar:read",
         "查看工作日日历",
         {"system_admin", "county_staff", "finance_staff", "town_staff", "station_operator",
          "trainer", "auditor"}},
        {"calendar:edit", "维护工作日日历", {"system_admin"}},
    };
    m.audit_actions = {{"calendar.year.put", "维护日历"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit(), c.clock());
    };
    m.commands = AddCalendarCommand;
    return m;
  }();
  return m;
}

}  // namespace ruralec::calendar
