// Spreadsheet import of entities and sales rows (csv and xlsx), with Chinese-header templates
// and a per-row error report.
// Contract:
//  - The first row holds the template's headers (order free; "*" and "(unit)" ignored); a
//    missing required column, an unreadable or hostile file refuses the whole file (an Error,
//    nothing written).
//  - Every data row is validated; a rejected row gives RowError{row, column, reason in Chinese}.
//  - kAllOrNothing (default): one transaction; any rejected row rolls everything back.
//    kValidOnly: valid rows are kept, rejected ones reported.
//  - A file whose SHA-256 was already imported (same county and kind) adds nothing
//    (already_imported = true).
//  - The batch, its rows and one audit entry ("sales.import" / "entity.import") commit together.
//  - xlsx: the first visible sheet whose first row has the template's required headers is read
//    (else the first visible sheet); its name is in ImportReport::sheet, the audit entry and
//    any refusal ("工作表“X”缺少必填列…"). Date-formatted cells arrive as YYYY-MM-DD.
//  - Memory: rows stream from the reader; the in-file duplicate check keeps an 8-byte hash per
//    accepted row; errors beyond kMaxReportedErrors are counted only (ImportOptions::errors
//    receives every one, e.g. to stream an error workbook of any length).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/db.h"

namespace ruralec::sales {

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
  bool rolled_back = false;  // all-or-nothing with rejected rows: nothing was written
  int64_t rows_total = 0, rows_imported = 0, rows_rejected = 0;
  std::vector<RowError> errors;  // the first kMaxReportedErrors
  std::string sheet;             // the worksheet read (xlsx), "" for csv
};

// Receives every rejected row as soon as it is found. `restart` is called when the import's
// transaction is re-run from the start (a PostgreSQL serialization retry): the rows received
// so far are void.
struct ErrorStream {
  std::function<void(const RowError&)> add;
  std::function<void()> restart;
};

struct ImportOptions {
  ErrorStream* errors = nullptr;
};

struct ImportContext {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// Needs permission sales:import; entities must exist and lie in the importer's scope.
Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode);
Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode, const ImportOptions& options);
// Needs permission entity:edit; regions must be towns/villages in the importer's scope.
Result<ImportReport> ImportEntities(const ImportContext& ctx, const account::Principal& who,
                                    const std::string& path, Mode mode);
Result<ImportReport> ImportEntities(const ImportContext& ctx, const account::Principal& who,
                                    const std::string& path, Mode mode,
                                    const ImportOptions& options);

spreadsheet::Sheet SalesTemplate();
spreadsheet::Sheet EntitiesTemplate();
// The current ledger rows of one import batch in the template's layout and spellings (amount
// and export as plain yuan / US$ with 2 decimals, 上行/下行, 是/否, brand name, shop id), in the
// file's row order: an export that imports back to the same values.
Result<spreadsheet::Sheet> ExportBatch(storage::Connection& conn, int64_t batch_id);

// The error workbook: 行号, 列, 原因 (the report's kept errors; the sheet read as a note).
spreadsheet::Sheet ErrorSheet(const ImportReport& report);

}  // namespace ruralec::sales
