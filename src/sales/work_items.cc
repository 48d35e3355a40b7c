#include "sales/work_items.h"

#include "account/account.h"
#include "core/date.h"
#include "runtime/context.h"
#include "sales/queries.h"

namespace ruralec::sales {
namespace {

Result<runtime::WorkItems> Items(runtime::Context& ctx, const account::Principal& who) {
  runtime::WorkItems w;
  if (who.region.level() > RegionLevel::kCounty) return w;  // a figure for county staff
  auto conn = ctx.db().Acquire();
  int year = ShanghaiDate(ctx.clock().NowMs()).year();
  ASSIGN_OR_RETURN(auto latest, queries::LatestYear(*conn, who.region));
  if (latest && *latest < year) year = *latest;
  const CivilDate from(year, 1, 1), to(year, 12, 31);
  ASSIGN_OR_RETURN(int64_t fen, queries::SumFen(*conn, who.region, queries::MonthsOf(from, to),
                                                {.uplink_only = false}));
  w.figures.push_back({"sales.online_year", "网络销售额（" + std::to_string(year) + "年）",
                       double(fen) / 1e6, "万元", "/sales/summary"});
  return w;
}

}  // namespace

std::vector<runtime::WorkProvider> WorkProviders() {
  return {{"online_sales", "sales:summary", Items}};
}

}  // namespace ruralec::sales
