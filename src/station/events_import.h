// Spreadsheet import of per-event service records (events.h) on the imports module's runner
// (all-or-nothing / valid-only, error workbook, a file imported before adds nothing; batches of
// kind "station_events", audited "station.events.import"). One row per event:
//   区划代码* 站点名称* 日期* 服务项目* 数量* 金额(元) 产品 农户 备注
// Row rules: those of RecordEvent (the station found by region and name and importable by the
// importer — staff in scope, or the operator company for its own stations —, the date, the item
// of the station's county, quantity and amount, products, households by id or the head's ID
// number, registered in the station's county), and the month rule: an event for a key whose
// current record is a monthly figure other than zero is rejected. Events have no natural key
// (two equal sales on one day are two events), so a re-run of a partly accepted file skips the
// rows its earlier batches wrote (by row number), counted in rows_already_imported. After the
// rows, each month and item the file touched gets its record made the sum of its events.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::station {

// Needs station:record:import.
Result<imports::ImportReport> ImportEvents(const imports::ImportContext& ctx,
                                           const account::Principal& who, const std::string& path,
                                           imports::Mode mode,
                                           const imports::ImportOptions& options = {});

spreadsheet::Sheet EventsTemplate();

}  // namespace ruralec::station
