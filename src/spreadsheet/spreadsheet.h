// The spreadsheet edge: reads csv and xlsx files into rows of strings, streaming with bounded
// memory, and writes xlsx workbooks (templates, error reports; large ones streamed).
// Contract:
//  - Rows carry their 1-based line/row number as a user sees it in Excel (header = row 1).
//  - Cells are UTF-8 with surrounding whitespace trimmed. A csv file is read as UTF-8 (with or
//    without BOM) or, when it is not valid UTF-8, as GBK/GB18030 (Excel's "CSV" on Chinese
//    Windows) converted to UTF-8. A file that is neither, whose
//    content does not match its extension (a zip named .csv), or that exceeds the limits below
//    is refused with kInvalidArgument (field "file") and a Chinese message; nothing is read past
//    the first bad byte.
//  - Memory is bounded by the longest row, not the file size.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ruralec::spreadsheet {

inline constexpr size_t kMaxCellBytes = 32767;  // Excel's own cell limit
inline constexpr size_t kMaxColumns = 256;

struct SheetRow {
  int64_t number = 0;  // 1-based row number in the file
  std::vector<std::string> cells;
  bool Blank() const;  // every cell empty
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // Reads the next row into `row`; false at end of file.
  virtual Result<bool> Next(SheetRow& row) = 0;
  // The worksheet being read (xlsx); "" for csv.
  virtual std::string SheetName() const { return ""; }
  // The file's text encoding as read: "UTF-8" or "GBK" for csv (converted to UTF-8), "" for xlsx.
  virtual std::string Encoding() const { return ""; }
};

// xlsx cells as text: shared and inline strings as written; booleans 是/否; numbers with at
// most 15 significant digits and no exponent (what Excel displays: 125000, 137.5); numbers in
// a date format (built-in or custom, per xl/styles.xml) as "YYYY-MM-DD", honouring the 1904
// date system flag of xl/workbook.xml; formula cells as their cached value.
struct XlsxOptions {
  // Which worksheet to read: called, in tab order, with the first row of each visible sheet;
  // the first sheet it accepts is read. None accepted (or no chooser): the first visible sheet.
  std::function<bool(const SheetRow& first_row)> choose;
};

// Opens by extension (.csv or .xlsx) after checking
// the leading bytes agree with the extension.
Result<std::unique_ptr<RowReader>> Open(const std::string& path);
Result<std::unique_ptr<RowReader>> Open(const std::string& path, const XlsxOptions& options);
Result<std::unique_ptr<RowReader>> OpenCsv(const std::string& path);
// Streams one worksheet of an xlsx workbook (see XlsxOptions); shared strings are held in
// memory (bounded); zip bombs, unsafe entry names and XML with a DOCTYPE are refused.
Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path);
Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path, const XlsxOptions& options);
// For tests and the API: reads csv from memory.
std::unique_ptr<RowReader> CsvFromString(std::string text);

// SHA-256 (hex) of a file, streamed.
Result<std::string> FileSha256(const std::string& path);

// Prefixes a cell starting with = + - @ (or tab/CR) with ' so no spreadsheet formula runs.
std::string SafeCell(std::string_view text);

// How an xlsx column stores its cells. Text keeps codes as typed (leading zeros, 18-digit
// ids). The others store numbers and dates Excel can sum and sort: a cell that does not parse
// as its type (an empty one, "—") is written as text, so nothing is lost.
enum class ColumnType {
  kText,
  kInteger,  // "-?[0-9]+" → a number, format "0"
  kMoney,    // "-?[0-9]+(.[0-9]{1,2})?" (yuan, dollars) → a number, format "#,##0.00"
  kDate,     // "YYYY-MM-DD" → an Excel date, format "yyyy-mm-dd"
};

struct Sheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // written as text cells via SafeCell
  std::vector<std::string> notes;              // optional second sheet "说明", one line each
  std::vector<ColumnType> types;               // per column; missing ones are kText. csv ignores it
};
// Writes an xlsx workbook (libxlsxwriter) with a bold, frozen header row.
Status WriteXlsx(const std::string& path, const Sheet& sheet);
// Writes a one-sheet xlsx row by row in libxlsxwriter's constant-memory mode (for error
// reports of any length): memory stays flat however many rows are added. Cells via SafeCell.
class XlsxStreamWriter {
 public:
  XlsxStreamWriter();
  ~XlsxStreamWriter();
  XlsxStreamWriter(const XlsxStreamWriter&) = delete;
  XlsxStreamWriter& operator=(const XlsxStreamWriter&) = delete;
  Status Open(const std::string& path, const std::string& sheet_name,
              const std::vector<std::string>& headers);
  Status Add(const std::vector<std::string>& cells);
  Status Close();  // writes the file; required, the destructor only discards

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes a UTF-8 csv (with BOM so Excel detects the encoding), cells through SafeCell.
Status WriteCsv(const std::string& path, const Sheet& sheet);

}  // namespace ruralec::spreadsheet
