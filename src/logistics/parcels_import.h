// Batch ingest of scan events (issue 22 item 2) on the imports module's runner: csv, xlsx or
// JSON lines (one JSON object a line, keys the English field names or the template's headers);
// all-or-nothing or valid-only; batches of kind "scans", audited "logistics.scans.import"; a file
// wholly accepted before adds nothing. Each row is one scan (parcels.h CheckScan); a row whose
// scan is already stored (same dedupe key, from this file or any earlier ingest) is a duplicate:
// neither written nor rejected, counted in rows_already_imported ("duplicates" in the receipt).
// After the rows, every waybill that gained an event has its state derived again.
//   快递公司* 运单号* 扫描类型* 扫描时间* 网点 下一站 操作员 方向 问题原因 原始代码 原始描述 来源
//   收件人手机
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::logistics {

// Needs logistics:parcel:ingest (county level or below). A file ending in .jsonl is read as JSON
// lines: converted to a csv with the template's headers (one record per line; a line that is no
// JSON object of texts and numbers carries its reason in an extra column, so the row is
// rejected with it), imported, and the report's rows numbered as the file's lines. The rows'
// default source is carrier_file.
Result<imports::ImportReport> ImportScans(const imports::ImportContext& ctx,
                                          const account::Principal& who, const std::string& path,
                                          imports::Mode mode,
                                          const imports::ImportOptions& options = {});

spreadsheet::Sheet ScansTemplate();

}  // namespace ruralec::logistics
