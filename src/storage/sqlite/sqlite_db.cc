#include "storage/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "storage/count_store.h"
#include "storage/db_errors.h"
#include "storage/pool.h"

namespace ruralec::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10'000;
// Memory per connection (docs/PERFORMANCE.md "The station record import"). SQLite's default
// 2 MiB page cache made a 100,000-row import spill dirty pages to the WAL mid-transaction and
// write them again, and re-read index pages through pread: a fifth of its CPU in system calls.
// - the page cache holds 32 MiB of pages, filled only as pages are used (8 connections: 256 MiB
//   at most);
// - a transaction spills only past 65,536 dirty pages (256 MiB), so a large import writes each
//   page to the WAL once; one writer at a time, so this is once per database, not per connection;
// - the database file is read through a shared memory map of up to 1 GiB (the OS page cache,
//   no copy per read). Writes still go through write(): a full disk stays an error, not SIGBUS.
constexpr std::string_view kConnectionPragmas =
    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
    "PRAGMA cache_size=-32768; PRAGMA cache_spill=65536; PRAGMA mmap_size=1073741824;";
// How often the checkpointer copies committed WAL frames into the database file.
constexpr std::chrono::milliseconds kCheckpointEvery{200};

// Classifies an SQLite failure. The message is generic and safe to show a client; SQLite's own
// text goes to `detail` (the server log), never to the client (issue 15 item 8).
Error ClassifySqlite(int code, std::string detail) {
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    return {ErrorCode::kUnavailable, "数据库繁忙，请稍后重试", "", std::move(detail)};
  if ((code & 0xff) == SQLITE_CONSTRAINT)
    return {ErrorCode::kConflict, "数据约束冲突", "", std::move(detail)};
  // A full disk (issue 20 item 4): the transaction is rolled back whole; say so plainly.
  if ((code & 0xff) == SQLITE_FULL) return DiskFull(std::move(detail));
  return {ErrorCode::kInternal, "数据库错误", "", std::move(detail)};
}

Error SqliteError(sqlite3* db, std::string_view what) {
  // SUM() of integers raises this instead of wrapping (sum overflow, issue 15 item 7).
  if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_ERROR &&
      std::string_view(sqlite3_errmsg(db)) == "integer overflow")
    return IntegerOutOfRange();
  return ClassifySqlite(sqlite3_extended_errcode(db),
                        std::string(what) + ": " + sqlite3_errmsg(db));
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool owned)
      : db_(db), stmt_(stmt), owned_(owned) {}
  ~SqliteStatement() override {
    if (owned_) sqlite3_finalize(stmt_);
  }
  void Bind(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  int64_t Changes() const override { return changes_; }

  void BindAll(const Params& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      std::visit(
          [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, Null>)
              BindNull(idx);
            else
              Bind(idx, v);
          },
          params[i]);
    }
  }

  Result<std::vector<Row>> Run() override {
    std::vector<Row> rows;
    int ncols = sqlite3_column_count(stmt_);
    int rc;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) rows.emplace_back(ReadRow(ncols));
    changes_ = sqlite3_changes64(db_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE) return SqliteError(db_, "执行SQL失败");
    return rows;
  }

 private:
  std::vector<Value> ReadRow(int ncols) {
    std::vector<Value> cols;
    cols.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      switch (sqlite3_column_type(stmt_, c)) {
        case SQLITE_NULL:
          cols.emplace_back(Null{});
          break;
        case SQLITE_INTEGER:
          cols.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt_, c)));
          break;
        default: {
          const void* p = sqlite3_column_blob(stmt_, c);
          int n = sqlite3_column_bytes(stmt_, c);
          cols.emplace_back(std::string(static_cast<const char*>(p ? p : ""), n));
        }
      }
    }
    return cols;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_;
  int64_t changes_ = 0;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  std::string_view Dialect() const override { return "sqlite"; }
  sqlite3* raw() { return db_; }

  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return SqliteError(db_, "准备SQL失败");
    }
    return std::unique_ptr<Statement>(new SqliteStatement(db_, stmt, true));
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(sqlite3_stmt * raw, Cached(sql));
    SqliteStatement stmt(db_, raw, false);
    stmt.BindAll(params);
    return stmt.Run();
  }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(sqlite3_stmt * raw, Cached(sql));
    SqliteStatement stmt(db_, raw, false);
    stmt.BindAll(params);
    RETURN_IF_ERROR(stmt.Run());
    return stmt.Changes();
  }

  Result<int64_t> BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                             const std::vector<std::vector<Value>>& rows) override {
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    std::string marks;
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    ASSIGN_OR_RETURN(sqlite3_stmt * raw, Cached(sql + ") VALUES (" + marks + ")"));
    SqliteStatement stmt(db_, raw, false);
    for (const auto& row : rows) {
      stmt.BindAll(row);
      RETURN_IF_ERROR(stmt.Run());
    }
    return static_cast<int64_t>(rows.size());
  }

  Status ExecScript(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      // BEGIN IMMEDIATE under write load fails here with SQLITE_BUSY: 503, not 500.
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      return ClassifySqlite(rc, "执行SQL脚本失败: " + s.substr(0, 80) + ": " + msg);
    }
    return {};
  }

  Status Begin(TxMode mode) override {
    return ExecScript(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }
  Status Commit() override { return ExecScript("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) return {};
    return ExecScript("ROLLBACK");
  }
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_); }

  // The stamp (storage/count_store.h): `PRAGMA data_version` moves with the commits of every
  // other connection and process (running it starts a read, so it is current), and
  // sqlite3_total_changes64 with this connection's own writes, which data_version leaves out.
  Result<int64_t> CountOf(std::string_view sql, const Params& params) override {
    if (InTransaction()) return Connection::CountOf(sql, params);
    ASSIGN_OR_RETURN(auto version, Query("PRAGMA data_version", {}));
    std::string stamp = version.at(0).Text(0) + ":" + std::to_string(sqlite3_total_changes64(db_));
    return counts_.Get(std::move(stamp), sql, params,
                       [&] { return Connection::CountOf(sql, params); });
  }
  // For writes that move neither stamp (a restore through the backup API).
  void ForgetCounts() { counts_.Clear(); }

 private:
  Result<sqlite3_stmt*> Cached(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return SqliteError(db_, "准备SQL失败");
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  CountStore counts_;
};

Result<std::unique_ptr<SqliteConnection>> OpenConnection(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Error{ErrorCode::kUnavailable, "无法打开数据库 " + path + ": " + msg, "db"};
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  RETURN_IF_ERROR(conn->ExecScript(kConnectionPragmas));
  return conn;
}

// Checkpoints the WAL from its own connection and thread, so no writer pays for it. With
// SQLite's automatic checkpoint the commit that takes the WAL past 1,000 pages copies them all
// into the database file and syncs it before it returns: a third of a 100,000-row import's commit
// (docs/PERFORMANCE.md "The station record import"). The pool's connections turn that off
// (wal_autocheckpoint=0) and this thread runs a PASSIVE checkpoint every kCheckpointEvery: it
// never waits for readers or writers and copies what it can; a crash during one is safe (SQLite
// replays the WAL). When the last connection closes, SQLite checkpoints the rest and removes
// the WAL, as before.
class Checkpointer {
 public:
  explicit Checkpointer(std::unique_ptr<SqliteConnection> conn)
      : conn_(std::move(conn)), thread_([this] { Loop(); }) {}
  ~Checkpointer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    while (!cv_.wait_for(lock, kCheckpointEvery, [&] { return stop_; })) {
      lock.unlock();
      // SQLITE_BUSY (another process checkpointing) and errors are retried on the next turn.
      (void)sqlite3_wal_checkpoint_v2(conn_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                      nullptr);
      lock.lock();
    }
  }

  std::unique_ptr<SqliteConnection> conn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the members above exist
};

class SqliteDatabase final : public PooledDatabase {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
  std::string_view Dialect() const override { return "sqlite"; }

  Status Init(int pool_size) {
    for (int i = 0; i < pool_size; ++i) {
      ASSIGN_OR_RETURN(auto conn, OpenConnection(path_));
      RETURN_IF_ERROR(conn->ExecScript("PRAGMA wal_autocheckpoint=0;"));
      AddConnection(std::move(conn));
    }
    ASSIGN_OR_RETURN(auto own, OpenConnection(path_));
    checkpointer_ = std::make_unique<Checkpointer>(std::move(own));
    return {};
  }

  Status Backup(const std::string& out) override { return Copy(out, /*to_file=*/true); }
  Status Restore(const std::string& in) override { return Copy(in, /*to_file=*/false); }

 private:
  // Copies page by page with the SQLite online backup API, between this database and `file`.
  Status Copy(const std::string& file, bool to_file) {
    Lease lease = Acquire();
    sqlite3* self = static_cast<SqliteConnection*>(&*lease)->raw();
    sqlite3* other = nullptr;
    int flags = to_file ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(file.c_str(), &other, flags, nullptr) != SQLITE_OK) {
      sqlite3_close(other);
      return Error::Invalid(to_file ? "out" : "in", "无法打开备份文件 " + file);
    }
    sqlite3* dst = to_file ? other : self;
    sqlite3* src = to_file ? self : other;
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    sqlite3_backup_finish(b);
    if (!to_file) static_cast<SqliteConnection*>(&*lease)->ForgetCounts();
    Status st;
    if (rc != SQLITE_DONE) st = SqliteError(dst, to_file ? "备份失败" : "恢复失败");
    sqlite3_close(other);
    return st;
  }

  std::string path_;
  std::unique_ptr<Checkpointer> checkpointer_;  // destroyed before the pool's connections
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size) {
  // Debian's SQLite has no lookaside allocator, so every small allocation goes to malloc; with
  // memory statistics on (the default) each one also takes a global mutex. Nothing here reads
  // sqlite3_status, so they are turned off, once, before SQLite initialises.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  auto db = std::make_unique<SqliteDatabase>(path);
  RETURN_IF_ERROR(db->Init(pool_size < 1 ? 1 : pool_size));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace ruralec::storage::sqlite
