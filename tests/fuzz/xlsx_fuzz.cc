// libFuzzer target: the xlsx reader (zip directory and inflate, shared strings, styles and
// dates, sheet choice, the worksheet XML) on any bytes.
#include "fuzz/fuzz_util.h"
#include "spreadsheet/spreadsheet.h"

using namespace ruralec;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  spreadsheet::XlsxOptions options;
  options.choose = [](const spreadsheet::SheetRow& first) {
    return !first.cells.empty() && first.cells[0] == "b";
  };
  auto r = spreadsheet::OpenXlsx(fuzz::WriteInput(data, size, ".xlsx"), options);
  if (!r.ok()) return 0;
  spreadsheet::SheetRow row;
  for (;;) {
    auto more = (*r)->Next(row);
    if (!more.ok() || !*more) break;
  }
  return 0;
}
