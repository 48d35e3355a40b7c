// Spreadsheet import, shared by the modules that import (sales: the ledger; entity: entities
// and their shops): the batch log, the per-row error report, the error workbooks kept for the
// HTTP API, and the runner a module plugs its row handler into. Owns `import_batches` and
// `import_error_reports`.
// Contract:
//  - The first row holds the template's headers (order free; "*" and "(unit)" ignored); a
//    missing required column, an unreadable or hostile file refuses the whole file (an Error,
//    nothing written).
//  - Every data row goes to the module's RowHandler; a rejected row gives RowError{row, column,
//    reason in Chinese}, which reaches ImportReport::errors (the first kMaxReportedErrors) and
//    ImportOptions::errors (every one) — one stream for the CLI and the HTTP paths.
//  - kAllOrNothing (default): any rejected row means nothing is written.
//    kValidOnly: valid rows are kept, rejected ones reported.
//  - Write-through (RunSpec::staged false, entities): the whole import is one write
//    transaction (on SQLite it holds the write lock from the first row to the commit).
//  - Staged (RunSpec::staged true, sales; issue 15 item 8): rows are read, checked and staged
//    in a TEMP table inside a read transaction, without the write lock; then one short write
//    transaction re-checks the file's history, records the batch, moves the staged rows into
//    the module's tables (RowHandler::Publish) and writes the audit entry. Readers see all of
//    the batch or none of it; an all-or-nothing import with rejected rows never takes the
//    write lock. When something the rows were checked against changed in between (a ledger
//    row with the same key, an entity moved), Publish answers RestartImport() and the whole
//    import runs again (at most kMaxRuns times, then kUnavailable: 503, retry later).
//  - The file is opened, its type checked against its bytes and its header row mapped BEFORE
//    the idempotence check: a refused file is refused whatever was imported before.
//  - Idempotence (issue 15 item 9): only a fully accepted import (no rejected row) records the
//    file's SHA-256 as the key of its county and kind; importing that file again adds nothing
//    (already_imported = true). A valid-only import that rejected rows keeps its batch but
//    records the key as "<sha256>#<batch id>", so the same file can be imported again once the
//    cause is fixed. That re-import passes the earlier batches of the same file to the handler
//    (BatchContext::same_file); a row those batches already wrote is neither written again nor
//    rejected but counted in rows_already_imported (sales: by natural key; entities: by USCC).
//    A fixed copy of the file is a different file: rows already in the ledger are rejected as
//    duplicates by their natural key, never written twice.
//  - The batch, its rows and one audit entry (RunSpec::action) commit together.
//  - xlsx: the first visible sheet whose first row has the template's required headers is read
//    (else the first visible sheet); its name is in ImportReport::sheet, the audit entry and
//    any refusal ("工作表“X”缺少必填列…"). Date-formatted cells arrive as YYYY-MM-DD.
//  - Memory: rows stream from the reader; errors beyond kMaxReportedErrors are counted only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/db.h"

namespace ruralec::imports {

enum class Mode { kAllOrNothing, kValidOnly };
Result<Mode> ParseMode(std::string_view text);  // "all-or-nothing" | "valid-only"

inline constexpr size_t kMaxReportedErrors = 100000;
// Rows given back whole in the error workbook (see ImportReport::passed and RowError::cells).
inline constexpr size_t kMaxKeptRows = 20000;

// Personal data in a column: kept encrypted in a stored error report and masked in the error
// workbook for anyone but the importer.
enum class Personal { kNo, kIdNumber, kMobile, kName };

struct RowError {
  int64_t row = 0;
  std::string column;  // the Chinese header, or "" for the whole row
  std::string reason;
  // Not an error: an earlier batch of the same file wrote this row (see Cells::AlreadyImported);
  // the runner counts it in rows_already_imported and neither reports nor writes it.
  bool already_imported = false;
  // The row as read, for an error workbook the clerk fixes in place; kept for the first
  // kMaxKeptRows rejected rows (set by the runner, not the handler).
  std::vector<std::string> cells;
};

struct ImportReport {
  int64_t batch_id = 0;
  bool already_imported = false;
  bool rolled_back = false;  // all-or-nothing with rejected rows: nothing was written
  int64_t rows_total = 0, rows_imported = 0, rows_rejected = 0;
  int64_t rows_already_imported = 0;  // written by an earlier batch of the same file
  int64_t rows_updated = 0;           // of rows_imported: existing records updated
  std::vector<RowError> errors;       // the first kMaxReportedErrors
  std::string sheet;                  // the worksheet read (xlsx), "" for csv
  std::string encoding;               // csv: "UTF-8" or "GBK" (converted); "" for xlsx
  std::vector<std::string> headers;   // the file's header row as written
  std::vector<std::pair<size_t, Personal>> personal;  // columns of `headers` holding personal data
  bool personal_masked = false;  // set by MaskPersonal: the error workbook says so
  // The rows that passed, when the import wrote nothing (rolled_back) and the file has at most
  // kMaxKeptRows data rows: with the rejected rows' cells they give back the whole file.
  std::vector<spreadsheet::SheetRow> passed;
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
  // RuoYi's "更新已经存在的数据": a row whose key is already registered updates that record
  // instead of being rejected as a duplicate (entities: by credit code). Kinds without it
  // ignore it.
  bool update_existing = false;
  // At most this many data rows, else the whole file is refused; 0: the county's parameter
  // imports.max_rows (imports/params.h).
  int64_t max_rows = 0;
};

struct ImportContext {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// What a module's import entry point looks like (the CLI and HTTP helpers take one).
using ImportFn =
    std::function<Result<ImportReport>(const ImportContext&, const account::Principal&,
                                       const std::string& path, Mode, const ImportOptions&)>;

// The error workbook a clerk fixes in place and imports again: 错误原因, 原行号, then the file's
// own columns with the rows as read — every row of the file when the import wrote nothing and
// the file was small enough to keep (ImportReport::passed), else the rejected rows; the 说明
// sheet says which. The import ignores the two extra columns. A report without headers (the
// file was refused before its header was read) gives the plain list.
spreadsheet::Sheet ErrorSheet(const ImportReport& report);
// The plain list: 行号, 列, 原因 (the CLI's error file, streamed in the same shape).
spreadsheet::Sheet ErrorListSheet(const ImportReport& report);

// ---- the runner, for the importing modules ----

struct Column {
  const char* header;  // as written in the template (with "*" for required and the unit)
  bool required;
  Personal personal = Personal::kNo;
};

// Header text without "*", the "(unit)" suffix and spaces: "网络销售额(元)*" -> "网络销售额".
std::string NormalizeHeader(std::string h);

// A data row seen through the header mapping.
struct Cells {
  const spreadsheet::SheetRow& row;
  const std::vector<int>& idx;
  std::span<const Column> cols;
  const std::string& Get(int col) const;  // "" when the column is absent
  // The rejection of this row at column `col` (-1: the whole row).
  RowError Reject(int col, std::string reason) const;
  // The outcome of a row an earlier batch of the same file already wrote.
  RowError AlreadyImported() const;
};

using RowOutcome = Result<std::optional<RowError>>;  // Error aborts; RowError rejects the row

// Imports the rows of one batch. Created afresh for every (re-)run of the transaction.
class RowHandler {
 public:
  virtual ~RowHandler() = default;
  virtual RowOutcome Row(storage::Connection& conn, const Cells& c) = 0;
  // Writes whatever the handler buffered; called once after the last row.
  virtual Status Finish(storage::Connection& conn) { return {}; }
  // How many of the accepted rows updated an existing record (ImportOptions::update_existing).
  virtual int64_t Updated() const { return 0; }
  // Staged handlers only: Row and Finish run in a read transaction and may write only the
  // handler's own TEMP table; Publish moves what they staged into the module's tables, inside
  // the write transaction that records batch `batch`. Discard drops the staging table (called
  // once the import is over, outside any transaction, whatever the outcome).
  virtual Status Publish(storage::Connection& conn, int64_t batch) { return {}; }
  virtual void Discard(storage::Connection& conn) {}
};

// Publish's answer when the rows were checked against data that has changed since: the runner
// runs the whole import again.
Error RestartImport();
inline constexpr int kMaxRuns = 3;
struct BatchContext {
  int64_t id = 0;                  // import_batches.id of this import (0 while staging)
  std::vector<int64_t> same_file;  // earlier partially accepted batches of the same file
};
using HandlerFactory =
    std::function<std::unique_ptr<RowHandler>(storage::Connection& conn, const BatchContext&)>;

// Errors a row can cause that reject it; anything else (database failure) aborts the import.
bool IsRowError(const Error& e);

struct RunSpec {
  const char* kind;    // import_batches.kind: "sales" | "entities"
  const char* action;  // audit action
  std::span<const Column> cols;
  bool staged = false;  // see the contract above
};

// Runs one import: hash, batch, rows, audit (write-through or staged, see above).
Result<ImportReport> Run(const ImportContext& ctx, const account::Principal& who,
                         const std::string& path, Mode mode, const RunSpec& spec,
                         const HandlerFactory& make, const ImportOptions& opt);

// A cell listing several values: "a、b，c;d" -> {a, b, c, d} (、 ， ； ; and , separate; blanks
// around items trimmed; empty items dropped).
std::vector<std::string> SplitList(const std::string& text);

// The template of `cols` (headers as written) with one example row and notes.
spreadsheet::Sheet Template(std::string sheet_name, std::span<const Column> cols,
                            std::vector<std::string> example, std::vector<std::string> notes);

// ---- error workbooks of HTTP imports (kept 7 days) ----

// Saves the report's kept errors for download; returns the report id. Deletes expired ones.
// The rows as read (RowError::cells, ImportReport::passed, headers) are stored encrypted, since
// they may hold personal data.
Result<int64_t> SaveErrorReport(storage::Database& db, const crypto::FieldCipher& cipher,
                                const account::Principal& who, int64_t now_ms,
                                const std::string& kind, const std::string& file,
                                const ImportReport& rep);
struct StoredErrorReport {
  RegionCode region;  // the importer's region (reads are scoped on it)
  std::string kind;   // the batch kind: "sales", "entities", "stations", …
  ImportReport report;
  std::optional<int64_t> created_by;  // the importer (none for the system actor)
};
// kNotFound when missing or expired. Without the cipher: the errors only (row, column,
// reason), which gives the plain list; with it, the rows as read too.
Result<StoredErrorReport> LoadErrorReport(storage::Connection& conn, int64_t id, int64_t now_ms);
Result<StoredErrorReport> LoadErrorReport(storage::Connection& conn,
                                          const crypto::FieldCipher& cipher, int64_t id,
                                          int64_t now_ms);
// The report with its personal columns masked (ID numbers, mobiles, names), for a reader of the
// error workbook who is not the importer.
ImportReport MaskPersonal(ImportReport rep);

}  // namespace ruralec::imports
