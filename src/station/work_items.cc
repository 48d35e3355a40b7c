#include "station/work_items.h"

#include <cstdio>

#include "account/account.h"
#include "core/date.h"
#include "runtime/context.h"

namespace ruralec::station {
namespace {

// "YYYY-MM" of the month before `today`.
std::string LastMonth(const CivilDate& today) {
  int y = today.year(), m = today.month() - 1;
  if (m == 0) y -= 1, m = 12;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

Result<runtime::WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  const std::string period = LastMonth(ShanghaiDate(ctx.clock().NowMs()));
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(
      auto rows,
      conn->Query("SELECT s.id, s.region_code FROM stations s WHERE s.status = 'operating' AND "
                  "s.region_code LIKE ? AND NOT EXISTS (SELECT 1 FROM station_service_records r "
                  "WHERE r.station_id = s.id AND r.period = ? AND r.is_current = 1)",
                  {std::string(who.region.prefix()) + "%", period}));
  int64_t missing = 0;
  auto own = who.BoundTo("station");
  for (const auto& r : rows) {
    if (own && r.Int(0) != *own) continue;
    if (!own && who.binding) continue;  // bound to something else: none of these are theirs
    ++missing;
  }
  runtime::WorkItems w;
  if (missing > 0)
    w.todos.push_back({"station.records_missing", "上月服务记录未填报的站点", missing, "warning",
                       "/stations/report"});
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() {
  return {{"records", "station:record:edit", Items}};
}

}  // namespace ruralec::station
