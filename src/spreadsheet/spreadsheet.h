// The spreadsheet edge: reads csv (and later xlsx) files into rows of strings, streaming with
// bounded memory, and writes small xlsx workbooks (templates, error reports).
// Contract:
//  - Rows carry their 1-based line/row number as a user sees it in Excel (header = row 1).
//  - Cells are UTF-8 with surrounding whitespace trimmed. A file that is not valid UTF-8, whose
//    content does not match its extension (a zip named .csv), or that exceeds the limits below
//    is refused with kInvalidArgument (field "file") and a Chinese message; nothing is read past
//    the first bad byte.
//  - Memory is bounded by the longest row, not the file size.
#pragma once

#include <cstdint>
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
};

// Opens by extension (.csv or .xlsx) after checking
// the leading bytes agree with the extension.
Result<std::unique_ptr<RowReader>> Open(const std::string& path);
Result<std::unique_ptr<RowReader>> OpenCsv(const std::string& path);
// Streams the first worksheet (sheet1) of an xlsx workbook; shared strings are held in memory
// (bounded); zip bombs, unsafe entry names and XML with a DOCTYPE are refused.
Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path);
// For tests and the API: reads csv from memory.
std::unique_ptr<RowReader> CsvFromString(std::string text);

// SHA-256 (hex) of a file, streamed.
Result<std::string> FileSha256(const std::string& path);

// Prefixes a cell starting with = + - @ (or tab/CR) with ' so no spreadsheet formula runs.
std::string SafeCell(std::string_view text);

struct Sheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // written as text cells via SafeCell
  std::vector<std::string> notes;              // optional second sheet "说明", one line each
};
// Writes an xlsx workbook (libxlsxwriter) with a bold, frozen header row.
Status WriteXlsx(const std::string& path, const Sheet& sheet);
// Writes a UTF-8 csv (with BOM so Excel detects the encoding), cells through SafeCell.
Status WriteCsv(const std::string& path, const Sheet& sheet);

}  // namespace ruralec::spreadsheet
