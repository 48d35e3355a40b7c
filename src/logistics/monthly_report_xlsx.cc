// The monthly report's workbook (libxlsxwriter). Numbers are stored as numbers (rates as
// percentages, ratios to the hundredth) so the bureau's own sheets can sum them; a figure
// without data is the text "无数据".
#include <xlsxwriter.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "logistics/monthly_report.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::logistics {
namespace {

constexpr const char* kNoData = "无数据";

struct Book {
  lxw_workbook* wb = nullptr;
  lxw_format *header = nullptr, *text = nullptr, *title = nullptr, *integer = nullptr,
             *centi = nullptr, *percent = nullptr;
};

void InitFormats(Book& b) {
  b.header = workbook_add_format(b.wb);
  format_set_bold(b.header);
  format_set_bg_color(b.header, 0xDDEBF7);
  format_set_border(b.header, LXW_BORDER_THIN);
  b.text = workbook_add_format(b.wb);
  format_set_num_format(b.text, "@");
  b.title = workbook_add_format(b.wb);
  format_set_bold(b.title);
  format_set_font_size(b.title, 14);
  b.integer = workbook_add_format(b.wb);
  format_set_num_format(b.integer, "#,##0");
  b.centi = workbook_add_format(b.wb);
  format_set_num_format(b.centi, "0.00");
  b.percent = workbook_add_format(b.wb);
  format_set_num_format(b.percent, "0.00%");
}

// One cell writer per kind of figure; `scale` divides the stored integer.
struct Cell {
  enum Kind { kText, kInt, kCenti, kBasisPoints } kind = kText;
  std::string text;
  std::optional<int64_t> value;
};
Cell Text(std::string s) { return {Cell::kText, std::move(s), std::nullopt}; }
Cell Int(int64_t v) { return {Cell::kInt, "", v}; }
Cell Int(std::optional<int64_t> v) { return {Cell::kInt, "", v}; }
Cell Centi(std::optional<int64_t> v) { return {Cell::kCenti, "", v}; }
Cell Rate(std::optional<int64_t> v) { return {Cell::kBasisPoints, "", v}; }

void Write(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell) {
  if (cell.kind == Cell::kText) {
    if (!cell.text.empty())
      worksheet_write_string(ws, r, c, spreadsheet::SafeCell(cell.text).c_str(), b.text);
    return;
  }
  if (!cell.value) {
    worksheet_write_string(ws, r, c, kNoData, b.text);
    return;
  }
  const auto v = static_cast<double>(*cell.value);
  switch (cell.kind) {
    case Cell::kInt:
      worksheet_write_number(ws, r, c, v, b.integer);
      break;
    case Cell::kCenti:
      worksheet_write_number(ws, r, c, v / 100.0, b.centi);
      break;
    default:
      worksheet_write_number(ws, r, c, v / 10'000.0, b.percent);
  }
}

void Row(const Book& b, lxw_worksheet* ws, lxw_row_t r, const std::vector<Cell>& cells) {
  for (size_t c = 0; c < cells.size(); ++c) Write(b, ws, r, static_cast<lxw_col_t>(c), cells[c]);
}

void Headers(const Book& b, lxw_worksheet* ws, lxw_row_t r,
             const std::vector<std::pair<const char*, double>>& cols) {
  for (size_t c = 0; c < cols.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, cols[c].second, nullptr);
    worksheet_write_string(ws, r, col, cols[c].first, b.header);
  }
}

void SummarySheet(const Book& b, const MonthlyReport& rep) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "汇总");
  const CoverageFigures& f = rep.coverage.total;
  const std::string title = "物流统计月报 " + f.name + " " + rep.month;
  worksheet_write_string(ws, 0, 0, spreadsheet::SafeCell(title).c_str(), b.title);
  worksheet_write_string(
      ws, 1, 0,
      ("区划代码 " + rep.coverage.region.str() + "，统计期间 " +
       rep.coverage.period.from.ToString() + " 至 " + rep.coverage.period.to.ToString())
          .c_str(),
      nullptr);
  Headers(b, ws, 3, {{"指标", 30}, {"数值", 14}, {"单位", 10}});
  const int64_t days = rep.coverage.period.days();
  std::vector<std::vector<Cell>> rows = {
      {Text("行政村数"), Int(f.villages), Text("个")},
      {Text("已通达行政村数"), Int(f.reached), Text("个")},
      {Text("行政村快递通达率"), Rate(f.rate_bp()), Text("%")},
      {Text("投送频次（每村每周）"), Centi(f.frequency_centi(days)), Text("次/周")},
      {Text("镇到村签收时长（中位数）"), Int(f.lead(50)), Text("分钟")},
      {Text("镇到村签收时长（P90）"), Int(f.lead(90)), Text("分钟")},
      {Text("签收快递数（有镇级到达记录）"), Int(static_cast<int64_t>(f.lead_minutes.size())),
       Text("件")},
      {Text("村级服务点收发兼容度"), Centi(f.carriers_per_point_centi()), Text("家/点")},
      {Text("上行快递件数"), Int(f.uplink_parcels), Text("件")},
      {Text("每村上行快递件数"), Centi(f.uplink_per_village_centi()), Text("件/村")},
  };
  for (const auto& n : rep.nodes) {
    rows.push_back({Text(n.label + "（在用）"), Int(n.active), Text("个")});
    rows.push_back({Text(n.label + "（本月新增）"), Int(n.added), Text("个")});
  }
  for (const auto& l : rep.lines) {
    rows.push_back({Text(l.label + "（在用）"), Int(l.active), Text("条")});
    rows.push_back({Text(l.label + "（本月新增）"), Int(l.added), Text("条")});
  }
  lxw_row_t r = 4;
  for (const auto& row : rows) Row(b, ws, r++, row);
}

void TownSheet(const Book& b, const MonthlyReport& rep) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "分镇");
  Headers(b, ws, 0,
          {{"乡镇", 16},
           {"区划代码", 14},
           {"行政村数", 10},
           {"已通达", 10},
           {"通达率", 10},
           {"投送频次(次/周)", 14},
           {"签收时长中位数(分钟)", 18},
           {"签收时长P90(分钟)", 16},
           {"村级服务点", 10},
           {"收发兼容度(家/点)", 16},
           {"上行快递件数", 12}});
  worksheet_freeze_panes(ws, 1, 0);
  const int64_t days = rep.coverage.period.days();
  lxw_row_t r = 1;
  for (const auto& t : rep.coverage.towns) {
    const CoverageFigures& f = t.figures;
    Row(b, ws, r++,
        {Text(f.name), Text(f.code.str()), Int(f.villages), Int(f.reached), Rate(f.rate_bp()),
         Centi(f.frequency_centi(days)), Int(f.lead(50)), Int(f.lead(90)), Int(f.points),
         Centi(f.carriers_per_point_centi()), Int(f.uplink_parcels)});
  }
}

void NotReachedSheet(const Book& b, const MonthlyReport& rep) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "未通达行政村");
  Headers(b, ws, 0, {{"所属乡镇", 16}, {"行政村", 24}, {"区划代码", 14}, {"村级服务点数", 12}});
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (const auto& t : rep.coverage.towns) {
    for (const auto& v : t.villages) {
      if (v.reached) continue;
      Row(b, ws, r++, {Text(t.figures.name), Text(v.name), Text(v.code.str()), Int(v.points)});
    }
  }
}

void NotesSheet(const Book& b) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "说明");
  const char* kNotes[] = {
      "行政村：区划内的村民委员会（不含社区居委会）。",
      "已通达：统计期间内，该村的村级物流服务点有下行到达、入柜或签收扫描，或有上行揽收、发往扫描"
      "。",
      "投送频次：各行政村有下行投递扫描的天数之和 ÷ 行政村数 ÷（期间天数 ÷ 7）。",
      "签收时长：期间内在村级服务点签收的快递，自最后一次到达镇级中转站至签收的分钟数；中位数与P90"
      "按最近秩法。",
      "收发兼容度：月末在用的村级物流服务点平均可收发的快递公司家数。",
      "上行快递件数：期间内在村级服务点揽收或发往的上行运单数。",
      "无数据：没有可计算的对象（无行政村、无服务点或无签收记录）。"};
  lxw_row_t r = 0;
  worksheet_set_column(ws, 0, 0, 100, nullptr);
  for (const char* n : kNotes) worksheet_write_string(ws, r++, 0, n, nullptr);
}

}  // namespace

Status WriteMonthlyReportXlsx(const MonthlyReport& report, const std::string& path) {
  Book b;
  b.wb = workbook_new(path.c_str());
  if (!b.wb) return Error::Internal("无法创建工作簿: " + path);
  InitFormats(b);
  SummarySheet(b, report);
  TownSheet(b, report);
  NotReachedSheet(b, report);
  NotesSheet(b);
  if (lxw_error e = workbook_close(b.wb); e != LXW_NO_ERROR)
    return Error::Internal(std::string("写入工作簿失败: ") + lxw_strerror(e));
  return {};
}

}  // namespace ruralec::logistics
