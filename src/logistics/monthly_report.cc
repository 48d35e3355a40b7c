#include "logistics/monthly_report.h"

#include "logistics/network.h"

namespace ruralec::logistics {

Result<MonthlyReport> BuildMonthlyReport(storage::Connection& conn, const RegionCode& region,
                                         const std::string& month) {
  ASSIGN_OR_RETURN(Period p, MonthPeriod(month));
  MonthlyReport r;
  r.month = month;
  ASSIGN_OR_RETURN(r.coverage, ComputeCoverage(conn, region, p));
  for (NodeLevel l : {NodeLevel::kCountyCentre, NodeLevel::kTownHub, NodeLevel::kVillagePoint}) {
    NetworkCount c{NodeLevelLabel(l)};
    ASSIGN_OR_RETURN(c.active, CountNodes(conn, region, NodeLevelName(l), p, false));
    ASSIGN_OR_RETURN(c.added, CountNodes(conn, region, NodeLevelName(l), p, true));
    r.nodes.push_back(c);
  }
  for (LineKind k : {LineKind::kTrunk, LineKind::kBranch}) {
    NetworkCount c{LineKindLabel(k)};
    ASSIGN_OR_RETURN(c.active, CountLines(conn, region, LineKindName(k), p, false));
    ASSIGN_OR_RETURN(c.added, CountLines(conn, region, LineKindName(k), p, true));
    r.lines.push_back(c);
  }
  return r;
}

std::string MonthlyReportStem(const MonthlyReport& report) {
  return "物流统计月报_" + std::string(report.coverage.region.prefix()) + "_" + report.month;
}

}  // namespace ruralec::logistics
