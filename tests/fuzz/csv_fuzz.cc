// libFuzzer target: the csv reader (encoding detection, quoting, limits) on any bytes.
#include "fuzz/fuzz_util.h"
#include "spreadsheet/spreadsheet.h"

using namespace ruralec;

namespace {
void Drain(spreadsheet::RowReader& r) {
  spreadsheet::SheetRow row;
  for (;;) {
    auto more = r.Next(row);
    if (!more.ok() || !*more) return;
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto r = spreadsheet::OpenCsv(fuzz::WriteInput(data, size, ".csv"));
  if (r.ok()) Drain(**r);
  auto mem = spreadsheet::CsvFromString(std::string(reinterpret_cast<const char*>(data), size));
  Drain(*mem);
  return 0;
}
