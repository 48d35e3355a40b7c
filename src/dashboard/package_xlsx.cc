// The statistics package's workbook (libxlsxwriter): a sheet 说明 (region, period, as-of time,
// the rules), then one sheet per figure with the region and its children by month. Money in
// yuan, rates in percent, ratios to the hundredth, stored as numbers; a figure without data is
// the text "无数据" (never 0).
#include <xlsxwriter.h>

#include "core/date.h"
#include "dashboard/catalogue.h"
#include "dashboard/package.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::dashboard {
namespace {

struct Book {
  lxw_workbook* wb = nullptr;
  lxw_format *header = nullptr, *text = nullptr, *money = nullptr, *integer = nullptr,
             *centi = nullptr, *percent = nullptr;
};

void InitFormats(Book& b) {
  b.header = workbook_add_format(b.wb);
  format_set_bold(b.header);
  format_set_bg_color(b.header, 0xDDEBF7);
  format_set_border(b.header, LXW_BORDER_THIN);
  b.text = workbook_add_format(b.wb);
  format_set_num_format(b.text, "@");
  b.money = workbook_add_format(b.wb);
  format_set_num_format(b.money, "#,##0.00");
  b.integer = workbook_add_format(b.wb);
  format_set_num_format(b.integer, "#,##0");
  b.centi = workbook_add_format(b.wb);
  format_set_num_format(b.centi, "0.00");
  b.percent = workbook_add_format(b.wb);
  format_set_num_format(b.percent, "0.00%");
}

// The unit a reader sees in the header, from the registry's base unit.
std::string UnitLabel(const std::string& unit) {
  if (unit == "fen") return "元";
  if (unit == "basis_point") return "%";
  if (unit == "centi") return "";
  if (unit == "person_time") return "人次";
  return "个";
}

void WriteValue(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Figure& f) {
  if (!f.ok || !f.value) {
    worksheet_write_string(ws, r, c, "无数据", b.text);
    return;
  }
  const auto v = static_cast<double>(*f.value);
  if (f.unit == "fen")
    worksheet_write_number(ws, r, c, v / 100.0, b.money);
  else if (f.unit == "basis_point")
    worksheet_write_number(ws, r, c, v / 10'000.0, b.percent);
  else if (f.unit == "centi")
    worksheet_write_number(ws, r, c, v / 100.0, b.centi);
  else
    worksheet_write_number(ws, r, c, v, b.integer);
}

void Text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
  worksheet_write_string(ws, r, c, spreadsheet::SafeCell(s).c_str(), f);
}

void NotesSheet(const Book& b, const Package& p) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "说明");
  worksheet_set_column(ws, 0, 0, 110, nullptr);
  std::vector<std::string> lines{
      "统计报送包 " + p.name + "（" + p.region + "） " + p.label,
      "生成时间（UTC）: " + FormatUtc(p.as_of),
      "数据来源: 各模块登记的指标计算（指标注册表），与统计监测大屏同一口径。",
      "每个工作表一个指标：第一行为本级，其下为下级区划；每列一个月份。",
      "市、省级：可加指标为所辖各县之和，比率按分子分母之和重新计算（不取平均）；"
      "无数据的县不计入合计。",
      "“无数据”：该指标在该区划、该月没有数据来源或没有可计算的对象，不是 0。",
  };
  for (const auto& s : p.sheets) {
    std::string params;
    for (const auto& [k, v] : s.def->params) params += " " + k + "=" + v;
    lines.push_back(s.def->label + ": " + s.def->indicator + params);
  }
  lxw_row_t r = 0;
  for (const auto& l : lines) Text(ws, r++, 0, l, nullptr);
}

// Excel refuses []:*?/\ in a sheet name: each becomes a full-width look-alike.
std::string SheetName(std::string name) {
  std::string out;
  for (char ch : name) {
    if (ch == '/')
      out += "／";
    else if (ch == '\\' || ch == '[' || ch == ']' || ch == ':' || ch == '*' || ch == '?')
      out += "-";
    else
      out += ch;
  }
  return out;
}

void FigureSheet(const Book& b, const Package& p, const PackageSheet& s) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, SheetName(s.def->label).c_str());
  if (!ws) return;
  worksheet_set_column(ws, 0, 0, 18, nullptr);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, static_cast<lxw_col_t>(1 + p.months.size()), 14, nullptr);
  Text(ws, 0, 0, "区划", b.header);
  Text(ws, 0, 1, "区划代码", b.header);
  const std::string unit = UnitLabel(s.unit);
  for (size_t m = 0; m < p.months.size(); ++m)
    Text(ws, 0, static_cast<lxw_col_t>(2 + m),
         p.months[m].Label() + (unit.empty() ? "" : "（" + unit + "）"), b.header);
  worksheet_freeze_panes(ws, 1, 2);
  for (size_t r = 0; r < p.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    Text(ws, row, 0, r == 0 ? p.rows[r].name + "（合计）" : p.rows[r].name, b.text);
    Text(ws, row, 1, p.rows[r].code, b.text);
    for (size_t m = 0; m < s.cells[r].size(); ++m)
      WriteValue(b, ws, row, static_cast<lxw_col_t>(2 + m), s.cells[r][m]);
  }
}

}  // namespace

Status WritePackageXlsx(const Package& p, const std::string& path) {
  Book b;
  b.wb = workbook_new(path.c_str());
  if (!b.wb) return Error::Internal("无法创建工作簿: " + path);
  InitFormats(b);
  NotesSheet(b, p);
  for (const auto& s : p.sheets) FigureSheet(b, p, s);
  if (lxw_error e = workbook_close(b.wb); e != LXW_NO_ERROR)
    return Error::Internal(std::string("写入工作簿失败: ") + lxw_strerror(e));
  return {};
}

}  // namespace ruralec::dashboard
