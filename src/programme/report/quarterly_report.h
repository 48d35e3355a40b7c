// The quarterly report of a stored programme (docs/REPORTS.md): an xlsx workbook with the
// sheets 封面 (cover), 目标进度 (targets), 配额矩阵 (quota matrix: child regions × targets) and
// 任务分解 (tasks), Chinese headers, written with libxlsxwriter.
//
// Contract:
//  - A quarter is written "YYYYQn" (n = 1..4). The report is evaluated "as of" the quarter's last
//    day, or today when the quarter is still running (as_of = min(quarter end, today)); target
//    actuals are measured from the programme start to min(as_of, target deadline) and task notes
//    count only when written up to the end of the as-of day (Asia/Shanghai).
//  - A quarter that has not started yet, or that ends before the programme period starts, is
//    refused with kInvalidArgument naming "quarter".
//  - Values are exact: base units (fen, metres, basis points …) become decimal text by integer
//    arithmetic (DisplayValue). A numeric cell gets the double of that text only while it has at
//    most 15 significant digits, so Excel/LibreOffice show exactly the same digits; larger values
//    are written as text. An indicator without a data source shows "无数据来源", never 0.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "programme/indicators.h"
#include "programme/programme.h"
#include "programme/progress.h"
#include "programme/progress_store.h"
#include "storage/db.h"

namespace ruralec::programme::report {

struct Quarter {
  int year = 0;
  int number = 0;  // 1..4
  CivilDate first, last;
  std::string Label() const;         // "2018Q4"
  std::string ChineseLabel() const;  // "2018年第四季度"
};

// Strict "YYYYQn" (also "YYYYqn"); kInvalidArgument field "quarter" otherwise.
Result<Quarter> ParseQuarter(std::string_view text);

// min(quarter end, today).
CivilDate AsOfDate(const Quarter& q, const CivilDate& today);

// UTC ms of the first instant after the Shanghai civil day `d`.
int64_t EndOfShanghaiDayMs(const CivilDate& d);

// A value in base units shown in the unit a reader expects: fen → 元 (2 decimals), us_cent →
// 美元 (2), metre → 公里 (3), basis_point → % (2), counts and person-times as integers.
struct Display {
  std::string text;  // exact decimal, e.g. "6500000000.00"
  std::string unit;  // 元, 美元, 公里, %, 人次, or the plan's count unit (个, 家 …)
  int decimals = 0;
};
Display DisplayValue(int64_t base, const std::string& base_unit, const std::string& plan_unit);

struct ReportData {
  StoredProgramme stored;
  std::shared_ptr<const Programme> programme;  // shared, parsed once per version (LoadStored)
  ProgrammeProgress progress;                  // progress.today == as_of
  Quarter quarter;
  CivilDate as_of;
  CivilDate generated_on;     // today
  int notes_counted = 0;      // notes up to the end of the as-of day
  std::string local_version;  // LocalVersionLabel of the version (which local settings)
};

// A numeric id (programmes.id) or a programme key (its latest version).
Result<int64_t> ResolveProgrammeId(storage::Connection& conn, const std::string& id_or_key);

// Loads (LoadStored) and evaluates the stored programme as of the quarter.
Result<ReportData> BuildReport(storage::Connection& conn, const IndicatorRegistry& registry,
                               int64_t programme_id, const Quarter& quarter, const CivilDate& today,
                               const std::string& division_dir);

// Writes the workbook; kInvalidArgument field "out" when the file cannot be written.
Status WriteReportXlsx(const ReportData& data, const std::string& path);

// "<programme name>_2018Q4.xlsx" with characters unsafe in file names replaced by "_".
std::string ReportFileName(const ReportData& data);

}  // namespace ruralec::programme::report
