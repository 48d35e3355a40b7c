// The monthly logistics statistics report (物流统计月报, issue 22 item 4: 数据统计上报): a
// region's coverage and frequency figures for a calendar month, per town, the villages not
// reached, and the network's nodes and lines — as an xlsx workbook (libxlsxwriter) served by
// GET /logistics/reports/monthly and `ruralec logistics report`.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "logistics/coverage.h"
#include "storage/db.h"

namespace ruralec::logistics {

struct NetworkCount {
  std::string label;              // 县级物流配送中心 …, 主干线 …
  int64_t active = 0, added = 0;  // active at the end of the month; registered in it
};

struct MonthlyReport {
  std::string month;  // "2026-11"
  Coverage coverage;
  std::vector<NetworkCount> nodes, lines;
};

// `month` "YYYY-MM" (an error names "month"); the region's scope is the caller's check.
Result<MonthlyReport> BuildMonthlyReport(storage::Connection& conn, const RegionCode& region,
                                         const std::string& month);
// Sheets 汇总 (the region's figures), 分镇 (one row a town), 未通达行政村 (the villages with no
// delivery or pickup scan in the month) and 说明 (definitions).
Status WriteMonthlyReportXlsx(const MonthlyReport& report, const std::string& path);
// "物流统计月报_341302_2026-11"
std::string MonthlyReportStem(const MonthlyReport& report);

}  // namespace ruralec::logistics
