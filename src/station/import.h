// Spreadsheet import of the station registry (csv and xlsx), with the conventions of the sales
// import (docs/SALES_IMPORT.md): a Chinese-header template, a per-row error report, and
//  - the first row holds the template's headers (order free; "*" and "(…)" ignored); a missing
//    required column or an unreadable file refuses the whole file (an Error, nothing written);
//  - every data row goes through the same rules as POST /stations (station.h); a rejected row
//    gives RowError{row, column, reason in Chinese};
//  - kAllOrNothing (default): one transaction, any rejected row rolls everything back;
//    kValidOnly: valid rows are kept, rejected ones reported;
//  - a file whose SHA-256 was already imported for the importer's county adds nothing
//    (already_imported); a station already registered (same region and name) is a rejected
//    row, so re-importing an edited file adds only the new stations;
//  - the batch, its stations and one audit entry ("station.import") commit together;
//    stations carry the batch id.
#pragma once

#include <string>
#include <vector>

#include "spreadsheet/spreadsheet.h"
#include "station/station.h"

namespace ruralec::station {

enum class Mode { kAllOrNothing, kValidOnly };
Result<Mode> ParseMode(std::string_view text);  // "all-or-nothing" | "valid-only"

inline constexpr size_t kMaxReportedErrors = 100000;

struct RowError {
  int64_t row = 0;
  std::string column;  // the Chinese header, or "" for the whole row
  std::string reason;
};

struct ImportReport {
  int64_t batch_id = 0;
  bool already_imported = false;
  bool rolled_back = false;
  int64_t rows_total = 0, rows_imported = 0, rows_rejected = 0;
  std::vector<RowError> errors;  // the first kMaxReportedErrors
  std::string sheet;             // the worksheet read (xlsx), "" for csv
};

// Needs station:import and station:edit; regions in the importer's scope.
Result<ImportReport> ImportStations(const Deps& d, const account::Principal& who,
                                    const std::string& path, Mode mode);

spreadsheet::Sheet StationsTemplate();
// The error workbook: 行号, 列, 原因.
spreadsheet::Sheet ErrorSheet(const ImportReport& report);

}  // namespace ruralec::station
