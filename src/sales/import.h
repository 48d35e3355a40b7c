// Spreadsheet import of sales rows (csv and xlsx) through the shared runner of the imports
// module (imports/imports.h has the file, mode, batch, error-stream and audit contract), with
// the Chinese-header template and the export of a batch.
// Row rules (the same as the single-record path, sales::Validate): the entity must be
// registered and in the importer's scope, brand/shop registered for it; the in-file duplicate
// check keeps an 8-byte hash per accepted row, a hit is confirmed against the ledger.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/db.h"

namespace ruralec::sales {

using imports::ErrorStream;
using imports::ImportContext;
using imports::ImportOptions;
using imports::ImportReport;
using imports::kMaxReportedErrors;
using imports::Mode;
using imports::ParseMode;
using imports::RowError;

// Needs permission sales:import; entities must exist and lie in the importer's scope.
Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode,
                                 const ImportOptions& options = {});

spreadsheet::Sheet SalesTemplate();
// The current ledger rows of one import batch in the template's layout and spellings (amount
// and export as plain yuan / US$ with 2 decimals, 上行/下行, 是/否, brand name, shop id), in the
// file's row order: an export that imports back to the same values.
Result<spreadsheet::Sheet> ExportBatch(storage::Connection& conn, int64_t batch_id);

}  // namespace ruralec::sales
