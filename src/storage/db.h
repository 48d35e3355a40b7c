// Storage contract the domain modules use. Implementations: SQLite (sqlite/) and, through the
// same interface, PostgreSQL. SQL uses `?` placeholders; each backend rewrites as it needs.
// Domain code never sees a backend type, only Connection, Row and Value.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace ruralec::storage {

struct Null {};
using Value = std::variant<Null, int64_t, std::string>;
using Params = std::vector<Value>;

// The error of a statement whose integer result leaves int64 (a SUM over rows with absurd
// amounts): kConflict with a Chinese message, on both backends, never the database's text.
Error IntegerOutOfRange();

// One result row. Accessors take a 0-based column index; types are checked.
class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  size_t size() const { return cols_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<Null>(cols_.at(i)); }
  int64_t Int(size_t i) const;       // 0 for NULL
  std::string Text(size_t i) const;  // "" for NULL; integers as decimal text
  std::optional<int64_t> OptInt(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;

 private:
  std::vector<Value> cols_;
};

// A prepared statement with typed binding (1-based, like both backends).
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void Bind(int index, int64_t v) = 0;
  virtual void Bind(int index, std::string_view v) = 0;
  virtual void BindNull(int index) = 0;
  // Runs the statement; returns all rows (empty for statements without results).
  virtual Result<std::vector<Row>> Run() = 0;
  // Rows changed by the last Run() of an INSERT/UPDATE/DELETE.
  virtual int64_t Changes() const = 0;
};

enum class TxMode { kRead, kWrite };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual std::string_view Dialect() const = 0;  // "sqlite" or "postgresql"
  virtual Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;
  // Runs one statement with parameters; the backend caches prepared statements by SQL text.
  virtual Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Appends many rows to `table` as fast as the backend allows (PostgreSQL COPY; SQLite one
  // prepared INSERT reused). Joins the caller's transaction; the caller batches.
  virtual Result<int64_t> BulkInsert(std::string_view table,
                                     const std::vector<std::string>& columns,
                                     const std::vector<std::vector<Value>>& rows) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
  virtual Status Begin(TxMode mode) = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual bool InTransaction() const = 0;

  // The single integer `sql` returns with `params` (a COUNT(*) of a list). A backend that can
  // tell cheaply that the database has not changed since this connection last ran the same
  // query with the same parameters returns that earlier result instead: SQLite does, outside a
  // transaction (see SqliteConnection::CountOf). The default runs the query every time.
  virtual Result<int64_t> CountOf(std::string_view sql, const Params& params);

  // Convenience: the first row, or NotFound with `what` as message.
  Result<Row> QueryOne(std::string_view sql, const Params& params, std::string_view what);
  Result<std::optional<Row>> QueryOptional(std::string_view sql, const Params& params);
};

// A pool of connections. Acquire() blocks until one is free; the lease returns it.
class Database {
 public:
  class Lease {
   public:
    Lease(Database* db, Connection* conn) : db_(db), conn_(conn) {}
    Lease(Lease&& o) noexcept : db_(o.db_), conn_(o.conn_) { o.conn_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (conn_) db_->Release(conn_);
    }
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_; }

   private:
    Database* db_;
    Connection* conn_;
  };

  virtual ~Database() = default;
  virtual std::string_view Dialect() const = 0;
  virtual Lease Acquire() = 0;
  // Online backup of the whole database to `path` (consistent snapshot): the SQLite backup
  // API, or pg_dump's custom format.
  virtual Status Backup(const std::string& path) = 0;
  // Replaces the whole database with a backup made by Backup(). Run it offline: connections
  // of other processes would see the data change under them.
  virtual Status Restore(const std::string& path) = 0;

 protected:
  virtual void Release(Connection* conn) = 0;
};

// Opens a database from a file path (SQLite) or a postgresql:// URL.
Result<std::unique_ptr<Database>> Open(const std::string& target, int pool_size = 8);

// Runs `fn` in a transaction; commits when it returns OK, rolls back otherwise (also when it
// throws). Write transactions take the write lock up front on SQLite (BEGIN IMMEDIATE) and run
// SERIALIZABLE on PostgreSQL; when the backend reports a serialization failure (kRetry) the
// whole unit is re-run, so `fn` must only touch the database and its own locals. Called inside
// an open transaction, `fn` simply joins it.
template <typename T>
Result<T> InTransaction(Connection& conn, TxMode mode, const std::function<Result<T>()>& fn);

Status InTransaction(Connection& conn, TxMode mode, const std::function<Status()>& fn);

}  // namespace ruralec::storage

#include "storage/db_inl.h"
