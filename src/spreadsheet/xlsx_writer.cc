#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>

#include "spreadsheet/spreadsheet.h"

namespace ruralec::spreadsheet {

std::string SafeCell(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
    return "'" + std::string(text);
  return std::string(text);
}

namespace {

void WriteRow(lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells,
              lxw_format* fmt) {
  for (size_t c = 0; c < cells.size(); ++c) {
    worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), SafeCell(cells[c]).c_str(), fmt);
  }
}

// The number or date a typed cell holds; nullopt when the text does not parse as the type
// (then it is written as text). More than 15 digits would lose precision in Excel: text.
std::optional<double> AsNumber(ColumnType t, const std::string& v) {
  static const std::regex integer(R"(-?[0-9]{1,15})");
  static const std::regex money(R"(-?[0-9]{1,13}(\.[0-9]{1,2})?)");
  if (t == ColumnType::kInteger && std::regex_match(v, integer))
    return std::strtod(v.c_str(), nullptr);
  if (t == ColumnType::kMoney && std::regex_match(v, money)) return std::strtod(v.c_str(), nullptr);
  return std::nullopt;
}

std::optional<lxw_datetime> AsDate(ColumnType t, const std::string& v) {
  static const std::regex date(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))");
  std::smatch m;
  if (t != ColumnType::kDate || !std::regex_match(v, m, date)) return std::nullopt;
  lxw_datetime d = {};
  d.year = std::stoi(m[1]);
  d.month = std::stoi(m[2]);
  d.day = std::stoi(m[3]);
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

struct Formats {
  lxw_format *text, *integer, *money, *date;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
            workbook_add_format(wb)};
  format_set_num_format(f.text, "@");  // text cells: codes keep leading zeros
  format_set_num_format(f.integer, "0");
  format_set_num_format(f.money, "#,##0.00");
  format_set_num_format(f.date, "yyyy-mm-dd");
  return f;
}

lxw_format* ColumnFormat(const Formats& f, ColumnType t) {
  switch (t) {
    case ColumnType::kInteger:
      return f.integer;
    case ColumnType::kMoney:
      return f.money;
    case ColumnType::kDate:
      return f.date;
    case ColumnType::kText:
      break;
  }
  return f.text;
}

void WriteTypedRow(lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells,
                   const std::vector<ColumnType>& types, const Formats& f) {
  for (size_t c = 0; c < cells.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    ColumnType t = c < types.size() ? types[c] : ColumnType::kText;
    if (auto n = AsNumber(t, cells[c])) {
      worksheet_write_number(ws, r, col, *n, ColumnFormat(f, t));
    } else if (auto d = AsDate(t, cells[c])) {
      worksheet_write_datetime(ws, r, col, &*d, f.date);
    } else if (!cells[c].empty()) {
      worksheet_write_string(ws, r, col, SafeCell(cells[c]).c_str(), f.text);
    }
  }
}

}  // namespace

Status WriteXlsx(const std::string& path, const Sheet& sheet) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error::Invalid("out", "无法创建文件 " + path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.empty() ? nullptr : sheet.name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  Formats formats = MakeFormats(wb);
  for (size_t c = 0; c < sheet.headers.size(); ++c) {
    ColumnType t = c < sheet.types.size() ? sheet.types[c] : ColumnType::kText;
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 22,
                         ColumnFormat(formats, t));
  }
  WriteRow(ws, 0, sheet.headers, bold);
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (const auto& row : sheet.rows) WriteTypedRow(ws, r++, row, sheet.types, formats);
  if (!sheet.notes.empty()) {
    lxw_worksheet* notes = workbook_add_worksheet(wb, "说明");
    worksheet_set_column(notes, 0, 0, 100, nullptr);
    lxw_row_t n = 0;
    for (const auto& line : sheet.notes)
      worksheet_write_string(notes, n++, 0, line.c_str(), nullptr);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return Error::Invalid("out", "写入 " + path + " 失败: " + lxw_strerror(err));
  return {};
}

struct XlsxStreamWriter::Impl {
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_row_t next = 0;
  std::string path;
};

XlsxStreamWriter::XlsxStreamWriter() : impl_(std::make_unique<Impl>()) {}

XlsxStreamWriter::~XlsxStreamWriter() {
  if (!impl_->wb) return;
  (void)workbook_close(impl_->wb);  // never left open; the caller did not Close(): discard
  std::remove(impl_->path.c_str());
}

Status XlsxStreamWriter::Open(const std::string& path, const std::string& sheet_name,
                              const std::vector<std::string>& headers) {
  lxw_workbook_options opt = {};
  opt.constant_memory = LXW_TRUE;
  impl_->wb = workbook_new_opt(path.c_str(), &opt);
  if (!impl_->wb) return Error::Invalid("out", "无法创建文件 " + path);
  impl_->path = path;
  impl_->ws = workbook_add_worksheet(impl_->wb, sheet_name.empty() ? nullptr : sheet_name.c_str());
  lxw_format* bold = workbook_add_format(impl_->wb);
  format_set_bold(bold);
  for (size_t c = 0; c < headers.size(); ++c)
    worksheet_set_column(impl_->ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 22,
                         nullptr);
  worksheet_freeze_panes(impl_->ws, 1, 0);
  WriteRow(impl_->ws, impl_->next++, headers, bold);
  return {};
}

Status XlsxStreamWriter::Add(const std::vector<std::string>& cells) {
  if (!impl_->ws) return Error::Internal("XlsxStreamWriter: not open");
  if (impl_->next >= 1'048'576) return Error::Invalid("out", "错误清单超过Excel的1048576行上限");
  WriteRow(impl_->ws, impl_->next++, cells, nullptr);
  return {};
}

Status XlsxStreamWriter::Close() {
  if (!impl_->wb) return Error::Internal("XlsxStreamWriter: not open");
  lxw_error err = workbook_close(impl_->wb);
  impl_->wb = nullptr;
  impl_->ws = nullptr;
  if (err != LXW_NO_ERROR)
    return Error::Invalid("out", "写入 " + impl_->path + " 失败: " + lxw_strerror(err));
  return {};
}

Status WriteCsv(const std::string& path, const Sheet& sheet) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Error::Invalid("out", "无法创建文件 " + path);
  f << "\xEF\xBB\xBF";
  auto line = [&f](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string v = SafeCell(cells[i]), q;
      for (char ch : v) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      f << (i ? "," : "") << '"' << q << '"';
    }
    f << "\r\n";
  };
  line(sheet.headers);
  for (const auto& r : sheet.rows) line(r);
  f.close();
  if (!f) return Error::Invalid("out", "写入 " + path + " 失败");
  return {};
}

}  // namespace ruralec::spreadsheet
