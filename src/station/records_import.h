// Spreadsheet import of station service records (csv and xlsx) on the imports module's runner
// (imports/imports.h: template headers, all-or-nothing / valid-only, error workbook, a file
// imported before adds nothing; batches are import_batches of kind "station_records", audited
// "station.records.import"). One row per station, month and item:
//   区划代码* 站点名称* 月份* 服务项目* 数量* 金额(元)
// Row rules: those of SaveMonth (records.h: the station visible and writable by the importer,
// the period, the item of the station's county, quantity and amount); a row repeating a key
// (station, month, item) of an earlier row of the file is rejected; a key that already has a
// current record counts as already imported (rows_already_imported, nothing written) when its
// figures are the same — so re-importing a partly accepted file, or an edited one, is harmless —
// and is rejected when they differ (a correction is made on the station's records page, keeping
// history), as the sales ledger does.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::station {

// Needs station:record:import and station:record:edit.
Result<imports::ImportReport> ImportRecords(const imports::ImportContext& ctx,
                                            const account::Principal& who, const std::string& path,
                                            imports::Mode mode,
                                            const imports::ImportOptions& options = {});

spreadsheet::Sheet RecordsTemplate();

}  // namespace ruralec::station
