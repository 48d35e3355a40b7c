#include <algorithm>
#include <functional>
#include <optional>
#include <span>

#include "imports/imports.h"
#include "imports/params.h"

namespace ruralec::imports {

using spreadsheet::SheetRow;

std::string NormalizeHeader(std::string h) {
  for (const char* cut : {"(", "（"}) {
    if (size_t p = h.find(cut); p != std::string::npos) h.resize(p);
  }
  std::string out;
  for (char c : h) {
    if (c != '*' && c != ' ') out += c;
  }
  return out;
}

const std::string& Cells::Get(int col) const {
  static const std::string kEmpty;
  int i = idx[static_cast<size_t>(col)];
  return i >= 0 && static_cast<size_t>(i) < row.cells.size() ? row.cells[static_cast<size_t>(i)]
                                                             : kEmpty;
}

RowError Cells::Reject(int col, std::string reason) const {
  return {row.number, col < 0 ? "" : NormalizeHeader(cols[static_cast<size_t>(col)].header),
          std::move(reason)};
}

RowError Cells::AlreadyImported() const {
  RowError e{row.number, "", ""};
  e.already_imported = true;
  return e;
}

bool IsRowError(const Error& e) {
  return e.code == ErrorCode::kInvalidArgument || e.code == ErrorCode::kConflict ||
         e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound;
}

namespace {

Result<std::vector<int>> MapHeaders(const SheetRow& header, std::span<const Column> cols) {
  std::vector<int> idx(cols.size(), -1);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string h = NormalizeHeader(header.cells[i]);
    for (size_t c = 0; c < cols.size(); ++c) {
      if (h == NormalizeHeader(cols[c].header) && idx[c] < 0) idx[c] = static_cast<int>(i);
    }
  }
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c].required && idx[c] < 0)
      return Error::Invalid("file",
                            "缺少必填列“" + NormalizeHeader(cols[c].header) + "”，请使用导入模板");
  }
  return idx;
}

constexpr char kRejectedSentinel[] = "__rows_rejected__";
constexpr char kRestartSentinel[] = "__import_restart__";

void NoteError(RowError err, ImportReport& rep, const ImportOptions& opt) {
  ++rep.rows_rejected;
  if (opt.errors && opt.errors->add) opt.errors->add(err);
  if (rep.errors.size() < kMaxReportedErrors) rep.errors.push_back(std::move(err));
}

// The header row mapped onto the template's columns (refuses an empty file or a missing
// required column, naming the sheet read); the row as written goes to rep.headers.
Result<std::vector<int>> ReadHeader(spreadsheet::RowReader& reader, std::span<const Column> cols,
                                    ImportReport& rep) {
  SheetRow row;
  std::string where = reader.SheetName().empty() ? "" : "工作表“" + reader.SheetName() + "”";
  ASSIGN_OR_RETURN(bool has_header, reader.Next(row));
  if (!has_header) return Error::Invalid("file", where + "文件为空");
  auto mapped = MapHeaders(row, cols);
  if (!mapped.ok()) return Error::Invalid("file", where + mapped.error().message);
  rep.headers = row.cells;
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c].personal != Personal::kNo && (*mapped)[c] >= 0)
      rep.personal.emplace_back(static_cast<size_t>((*mapped)[c]), cols[c].personal);
  }
  return std::move(*mapped);
}

// Keeps what the error workbook gives back: every row while the file is small, then only the
// rejected ones (up to kMaxKeptRows).
void KeepRow(const SheetRow& row, std::optional<RowError>& err, ImportReport& rep) {
  if (err && rep.errors.size() < kMaxKeptRows) err->cells = row.cells;
  if (rep.rows_total == static_cast<int64_t>(kMaxKeptRows) + 1) {
    rep.passed.clear();
    rep.passed.shrink_to_fit();
  }
  if (!err && rep.rows_total <= static_cast<int64_t>(kMaxKeptRows)) rep.passed.push_back(row);
}

// The data rows after the header.
Status ReadRows(storage::Connection& conn, spreadsheet::RowReader& reader,
                const std::vector<int>& idx, std::span<const Column> cols, RowHandler& handler,
                ImportReport& rep, const ImportOptions& opt) {
  SheetRow row;
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) break;
    if (row.Blank()) continue;
    ++rep.rows_total;
    if (opt.max_rows > 0 && rep.rows_total > opt.max_rows)
      return Error::Invalid("file", "文件超过本县设定的单次导入上限 " +
                                        std::to_string(opt.max_rows) +
                                        " 行（参数设置“单次导入最多行数”），整个文件未导入");
    ASSIGN_OR_RETURN(std::optional<RowError> err, handler.Row(conn, Cells{row, idx, cols}));
    if (!err || !err->already_imported) KeepRow(row, err, rep);
    if (!err) {
      ++rep.rows_imported;
    } else if (err->already_imported) {
      ++rep.rows_already_imported;
    } else {
      NoteError(std::move(*err), rep, opt);
    }
  }
  rep.rows_updated = handler.Updated();
  if (rep.rows_total == 0) {
    std::string where = reader.SheetName().empty() ? "" : "工作表“" + reader.SheetName() + "”";
    return Error::Invalid("file", where + "文件中没有数据行");
  }
  return handler.Finish(conn);
}

// xlsx: the first visible sheet whose first row has every required column of the template.
spreadsheet::XlsxOptions ChooseSheet(std::span<const Column> cols) {
  return {[cols](const SheetRow& first) { return MapHeaders(first, cols).ok(); }};
}

// Earlier batches of the same file (county, kind, SHA-256): the fully accepted one, which is
// the idempotence key, and the partially accepted ones ("<sha256>#<id>", see imports.h). A
// partially accepted batch recorded before that rule (bare hash, rows rejected) counts as
// partial and, with `rekey` (in the import's write transaction), is re-keyed.
struct EarlierBatches {
  std::optional<int64_t> complete;
  std::vector<int64_t> partial;
};

Result<EarlierBatches> FindEarlier(storage::Connection& conn, const std::string& county,
                                   const RunSpec& spec, const std::string& hash, bool rekey) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, file_hash, rows_rejected FROM import_batches "
                                         "WHERE county_code = ? AND kind = ? AND (file_hash = ? "
                                         "OR file_hash LIKE ?) ORDER BY id",
                                         {county, std::string(spec.kind), hash, hash + "#%"}));
  EarlierBatches out;
  for (const auto& r : rows) {
    if (r.Text(1) == hash && r.Int(2) == 0) {
      out.complete = r.Int(0);
      continue;
    }
    if (r.Text(1) == hash && rekey)
      RETURN_IF_ERROR(conn.Exec("UPDATE import_batches SET file_hash = ? WHERE id = ?",
                                {hash + "#" + r.Text(0), r.Int(0)}));
    out.partial.push_back(r.Int(0));
  }
  return out;
}

// The batch's totals, its idempotence key (the bare hash only when no row was rejected) and
// its audit entry.
Status CloseBatch(const ImportContext& ctx, storage::Connection& conn,
                  const account::Principal& who, const std::string& name, const std::string& hash,
                  const RunSpec& spec, const ImportReport& rep) {
  std::string key = rep.rows_rejected == 0 ? hash : hash + "#" + std::to_string(rep.batch_id);
  RETURN_IF_ERROR(conn.Exec(
      "UPDATE import_batches SET rows_total = ?, rows_imported = ?, "
      "rows_rejected = ?, rows_updated = ?, file_hash = ? WHERE id = ?",
      {rep.rows_total, rep.rows_imported, rep.rows_rejected, rep.rows_updated, key, rep.batch_id}));
  std::string already = rep.rows_already_imported == 0
                            ? ""
                            : " already_imported=" + std::to_string(rep.rows_already_imported);
  return ctx.audit.Append(
      conn,
      {who.ToActor(), spec.action, "import_batch", std::to_string(rep.batch_id),
       audit::Outcome::kSuccess,
       "file=" + name + " sha256=" + hash.substr(0, 16) +
           (rep.sheet.empty() ? "" : " sheet=" + rep.sheet) + " imported=" +
           std::to_string(rep.rows_imported) + " rejected=" + std::to_string(rep.rows_rejected) +
           (rep.rows_updated ? " updated=" + std::to_string(rep.rows_updated) : "") + already});
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string::npos ? 0 : slash + 1);
}

// The file opened and its header mapped, then its history looked up: the type (bytes against
// extension) and header come first, so a refused file is refused even when a file with the
// same bytes was imported before. rep.already_imported when it was wholly imported.
struct OpenedFile {
  std::unique_ptr<spreadsheet::RowReader> reader;
  std::vector<int> idx;
  EarlierBatches earlier;
};

Result<OpenedFile> OpenFile(storage::Connection& conn, const account::Principal& who,
                            const std::string& path, const std::string& hash, const RunSpec& spec,
                            bool rekey, ImportReport& rep) {
  OpenedFile f;
  ASSIGN_OR_RETURN(f.reader, spreadsheet::Open(path, ChooseSheet(spec.cols)));
  rep.sheet = f.reader->SheetName();
  rep.encoding = f.reader->Encoding();
  ASSIGN_OR_RETURN(f.idx, ReadHeader(*f.reader, spec.cols, rep));
  ASSIGN_OR_RETURN(f.earlier, FindEarlier(conn, who.region.county().str(), spec, hash, rekey));
  if (f.earlier.complete) {
    rep.already_imported = true;
    rep.batch_id = *f.earlier.complete;
  }
  return f;
}

Result<int64_t> InsertBatch(const ImportContext& ctx, storage::Connection& conn,
                            const account::Principal& who, const std::string& path,
                            const std::string& hash, Mode mode, const RunSpec& spec) {
  ASSIGN_OR_RETURN(
      storage::Row b,
      conn.QueryOne("INSERT INTO import_batches (county_code, kind, file_name, file_hash, mode, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {who.region.county().str(), std::string(spec.kind), BaseName(path), hash,
                     std::string(mode == Mode::kValidOnly ? "valid_only" : "all_or_nothing"),
                     who.id.value, ctx.clock.NowMs()},
                    "insert batch"));
  return b.Int(0);
}

Error Rejected() { return Error{ErrorCode::kInvalidArgument, "rejected", kRejectedSentinel}; }

// Write-through: the whole import in the caller's write transaction.
Status RunInTx(const ImportContext& ctx, storage::Connection& conn, const account::Principal& who,
               const std::string& path, const std::string& hash, Mode mode, const RunSpec& spec,
               const HandlerFactory& make, const ImportOptions& opt, ImportReport& rep) {
  ASSIGN_OR_RETURN(OpenedFile f, OpenFile(conn, who, path, hash, spec, true, rep));
  if (rep.already_imported) return {};
  ASSIGN_OR_RETURN(rep.batch_id, InsertBatch(ctx, conn, who, path, hash, mode, spec));
  auto handler = make(conn, BatchContext{rep.batch_id, std::move(f.earlier.partial)});
  RETURN_IF_ERROR(ReadRows(conn, *f.reader, f.idx, spec.cols, *handler, rep, opt));
  if (mode == Mode::kAllOrNothing && rep.rows_rejected > 0) return Rejected();
  return CloseBatch(ctx, conn, who, BaseName(path), hash, spec, rep);
}

Status RunWriteThrough(const ImportContext& ctx, storage::Connection& conn,
                       const account::Principal& who, const std::string& path,
                       const std::string& hash, Mode mode, const RunSpec& spec,
                       const HandlerFactory& make, const ImportOptions& opt, ImportReport& rep) {
  bool first_run = true;
  return storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    if (!first_run && opt.errors && opt.errors->restart) opt.errors->restart();
    first_run = false;
    rep = ImportReport{};
    return RunInTx(ctx, conn, who, path, hash, mode, spec, make, opt, rep);
  });
}

// Staged, step 2: the short write transaction. The file's history is read again (another
// import of the same file may have finished meanwhile), then batch, rows, totals, audit.
Status PublishStaged(const ImportContext& ctx, storage::Connection& conn,
                     const account::Principal& who, const std::string& path,
                     const std::string& hash, Mode mode, const RunSpec& spec,
                     const EarlierBatches& staged_against, RowHandler& handler, ImportReport& rep) {
  return storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(EarlierBatches now,
                     FindEarlier(conn, who.region.county().str(), spec, hash, true));
    if (now.complete) {
      ImportReport done;
      done.already_imported = true;
      done.batch_id = *now.complete;
      done.sheet = rep.sheet;
      rep = std::move(done);
      return {};
    }
    if (now.partial != staged_against.partial) return RestartImport();
    ASSIGN_OR_RETURN(rep.batch_id, InsertBatch(ctx, conn, who, path, hash, mode, spec));
    RETURN_IF_ERROR(handler.Publish(conn, rep.batch_id));
    return CloseBatch(ctx, conn, who, BaseName(path), hash, spec, rep);
  });
}

// Staged, step 1 (read transaction: no write lock), then step 2. The handler's staging table
// is dropped whatever happens.
Status RunStaged(const ImportContext& ctx, storage::Connection& conn, const account::Principal& who,
                 const std::string& path, const std::string& hash, Mode mode, const RunSpec& spec,
                 const HandlerFactory& make, const ImportOptions& opt, ImportReport& rep) {
  std::unique_ptr<RowHandler> handler;
  EarlierBatches earlier;
  Status st = storage::InTransaction(conn, storage::TxMode::kRead, [&]() -> Status {
    if (handler) handler->Discard(conn);
    handler.reset();
    rep = ImportReport{};
    ASSIGN_OR_RETURN(OpenedFile f, OpenFile(conn, who, path, hash, spec, false, rep));
    if (rep.already_imported) return {};
    earlier = std::move(f.earlier);
    handler = make(conn, BatchContext{0, earlier.partial});
    return ReadRows(conn, *f.reader, f.idx, spec.cols, *handler, rep, opt);
  });
  if (st.ok() && !rep.already_imported) {
    st = mode == Mode::kAllOrNothing && rep.rows_rejected > 0
             ? Status(Rejected())
             : PublishStaged(ctx, conn, who, path, hash, mode, spec, earlier, *handler, rep);
  }
  if (handler) handler->Discard(conn);
  return st;
}

// A large import runs with a bigger page cache on SQLite (its indexes then stay in memory
// instead of being re-read from the WAL); restored afterwards since the connection is pooled.
class SqliteCacheForImport {
 public:
  explicit SqliteCacheForImport(storage::Connection& conn) : conn_(conn) {
    if (conn.Dialect() == "sqlite")
      (void)conn.ExecScript("PRAGMA cache_size = -131072; PRAGMA temp.cache_size = -65536");
  }
  ~SqliteCacheForImport() {
    if (conn_.Dialect() == "sqlite")
      (void)conn_.ExecScript("PRAGMA cache_size = -2000; PRAGMA temp.cache_size = -2000");
  }

 private:
  storage::Connection& conn_;
};

}  // namespace

Error RestartImport() {
  return Error{ErrorCode::kUnavailable, "导入期间相关数据发生变化，请稍后重试", kRestartSentinel};
}

Result<ImportReport> Run(const ImportContext& ctx, const account::Principal& who,
                         const std::string& path, Mode mode, const RunSpec& spec,
                         const HandlerFactory& make, const ImportOptions& opt) {
  ASSIGN_OR_RETURN(std::string hash, spreadsheet::FileSha256(path));
  auto conn = ctx.db.Acquire();
  SqliteCacheForImport cache(*conn);
  ImportOptions o = opt;
  if (o.max_rows == 0) {
    ASSIGN_OR_RETURN(o.max_rows, settings::IntParam(*conn, who.region.county(), MaxRowsParam()));
  }
  ImportReport rep;
  Status st;
  for (int run = 1; run <= kMaxRuns; ++run) {
    if (run > 1 && opt.errors && opt.errors->restart) opt.errors->restart();
    st = spec.staged ? RunStaged(ctx, *conn, who, path, hash, mode, spec, make, o, rep)
                     : RunWriteThrough(ctx, *conn, who, path, hash, mode, spec, make, o, rep);
    if (st.ok() || st.error().field != kRestartSentinel) break;
  }
  if (!st.ok() && st.error().field == kRejectedSentinel) {
    rep.rolled_back = true;
    rep.rows_imported = 0;
    rep.batch_id = 0;
    return rep;
  }
  rep.passed.clear();  // written: the error workbook gives back only the rejected rows
  if (!st.ok() && st.error().field == kRestartSentinel) {
    Error e = st.error();
    e.field.clear();
    return e;
  }
  if (!st.ok()) return st.take_error();
  return rep;
}

Result<Mode> ParseMode(std::string_view text) {
  if (text.empty() || text == "all-or-nothing" || text == "all") return Mode::kAllOrNothing;
  if (text == "valid-only" || text == "valid") return Mode::kValidOnly;
  return Error::Invalid("mode", "导入方式应为 all-or-nothing 或 valid-only");
}

std::vector<std::string> SplitList(const std::string& text) {
  std::string s = text;
  for (const char* sep : {"、", "，", "；", ";"}) {
    for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, p))
      s.replace(p, std::string_view(sep).size(), ",");
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

spreadsheet::Sheet Template(std::string sheet_name, std::span<const Column> cols,
                            std::vector<std::string> example, std::vector<std::string> notes) {
  spreadsheet::Sheet s{std::move(sheet_name), {}, {}, std::move(notes)};
  for (const auto& c : cols) s.headers.push_back(c.header);
  s.rows.push_back(std::move(example));
  return s;
}

spreadsheet::Sheet ErrorListSheet(const ImportReport& report) {
  spreadsheet::Sheet s{"导入错误", {"行号", "列", "原因"}, {}, {}};
  for (const auto& e : report.errors) s.rows.push_back({std::to_string(e.row), e.column, e.reason});
  if (report.rows_rejected > static_cast<int64_t>(report.errors.size()))
    s.rows.push_back(
        {"", "",
         "另有 " + std::to_string(report.rows_rejected - report.errors.size()) + " 行错误未列出"});
  if (!report.sheet.empty()) s.notes.push_back("行号为工作表“" + report.sheet + "”中的行号");
  return s;
}

}  // namespace ruralec::imports
