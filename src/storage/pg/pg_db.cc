#include "storage/pg/pg_db.h"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "storage/count_store.h"
#include "storage/db_errors.h"
#include "storage/pool.h"

namespace ruralec::storage::pg {
namespace {

// Type OIDs returned as integers; everything else is text (NUMERIC: see IntegerOrText).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kNumeric = 1700;

Error PgError(const PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg =
      std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  std::string s = state ? state : "";
  // Generic messages for clients; PostgreSQL's text only in `detail` (the server log).
  if (s == "40001" || s == "40P01") return {ErrorCode::kRetry, "并发冲突，请重试", "", msg};
  if (s.rfind("23", 0) == 0) return {ErrorCode::kConflict, "数据约束冲突", "", msg};
  if (s == "22003") return IntegerOutOfRange();      // numeric_value_out_of_range (sum overflow)
  if (s == "53100") return DiskFull(msg);            // disk_full
  if (s == "55P03" || s == "57014" || s == "53300")  // lock / statement timeout, too many clients
    return {ErrorCode::kUnavailable, "数据库繁忙，请稍后重试", "", msg};
  // Connection exceptions and operator intervention (the server shutting down or starting up);
  // an error without SQLSTATE comes from libpq itself: the connection failed.
  if (PQstatus(conn) != CONNECTION_OK || s.empty() || s.rfind("08", 0) == 0 ||
      s.rfind("57P", 0) == 0)
    return {ErrorCode::kUnavailable, "数据库连接中断", "", msg};
  return {ErrorCode::kInternal, "数据库错误", "", msg};
}

struct ParamBuffer {
  std::vector<std::string> text;
  std::vector<const char*> ptrs;
  explicit ParamBuffer(const Params& params) {
    text.reserve(params.size());
    for (const Value& v : params) {
      if (std::holds_alternative<Null>(v)) {
        text.emplace_back();
        ptrs.push_back(nullptr);
        continue;
      }
      text.push_back(std::holds_alternative<int64_t>(v) ? std::to_string(std::get<int64_t>(v))
                                                        : std::get<std::string>(v));
      ptrs.push_back(text.back().c_str());
    }
    for (size_t i = 0; i < params.size(); ++i) {  // re-point after reallocation
      if (ptrs[i]) ptrs[i] = text[i].c_str();
    }
  }
};

// A NUMERIC value (what SUM(bigint) returns): an integer that fits int64 is returned as one,
// like SQLite's SUM; an integer beyond it is IntegerOutOfRange() (SQLite fails the same SUM);
// anything else (a fraction) stays text.
Result<Value> IntegerOrText(const char* v, int len) {
  std::string_view t(v, static_cast<size_t>(len));
  size_t digits = t.substr(0, 1) == "-" ? 1 : 0;
  if (digits == t.size() || t.find_first_not_of("0123456789", digits) != std::string_view::npos)
    return Value(std::string(t));
  errno = 0;
  long long n = std::strtoll(v, nullptr, 10);
  if (errno == ERANGE) return IntegerOutOfRange();
  return Value(static_cast<int64_t>(n));
}

Result<std::vector<Row>> ReadRows(PGresult* res) {
  std::vector<Row> rows;
  int n = PQntuples(res), cols = PQnfields(res);
  rows.reserve(n);
  for (int r = 0; r < n; ++r) {
    std::vector<Value> vals;
    vals.reserve(cols);
    for (int c = 0; c < cols; ++c) {
      if (PQgetisnull(res, r, c)) {
        vals.emplace_back(Null{});
        continue;
      }
      Oid t = PQftype(res, c);
      const char* v = PQgetvalue(res, r, c);
      if (t == kInt8 || t == kInt4 || t == kInt2) {
        vals.emplace_back(static_cast<int64_t>(std::strtoll(v, nullptr, 10)));
      } else if (t == kNumeric) {
        ASSIGN_OR_RETURN(Value num, IntegerOrText(v, PQgetlength(res, r, c)));
        vals.push_back(std::move(num));
      } else {
        vals.emplace_back(std::string(v, PQgetlength(res, r, c)));
      }
    }
    rows.emplace_back(std::move(vals));
  }
  return rows;
}

void AppendCopyLine(std::string& out, const std::vector<Value>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += '\t';
    const Value& v = row[i];
    if (std::holds_alternative<Null>(v)) {
      out += "\\N";
    } else if (std::holds_alternative<int64_t>(v)) {
      out += std::to_string(std::get<int64_t>(v));
    } else {
      for (char c : std::get<std::string>(v)) {
        switch (c) {
          case '\\':
            out += "\\\\";
            break;
          case '\t':
            out += "\\t";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          default:
            out += c;
        }
      }
    }
  }
  out += '\n';
}

class PgConnection;

constexpr char kSessionSetup[] = "SET client_min_messages = warning; SET TIME ZONE 'UTC'";

class PgStatement final : public Statement {
 public:
  PgStatement(PgConnection* conn, std::string sql) : conn_(conn), sql_(std::move(sql)) {}
  void Bind(int i, int64_t v) override { Slot(i) = v; }
  void Bind(int i, std::string_view v) override { Slot(i) = std::string(v); }
  void BindNull(int i) override { Slot(i) = Null{}; }
  Result<std::vector<Row>> Run() override;
  int64_t Changes() const override { return changes_; }

 private:
  Value& Slot(int i) {
    if (params_.size() < static_cast<size_t>(i)) params_.resize(i, Null{});
    return params_[i - 1];
  }
  PgConnection* conn_;
  std::string sql_;
  Params params_;
  int64_t changes_ = 0;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* c) : c_(c) {}
  ~PgConnection() override { PQfinish(c_); }
  std::string_view Dialect() const override { return "postgresql"; }

  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override {
    return std::unique_ptr<Statement>(new PgStatement(this, std::string(sql)));
  }

  // After the server restarted (or the network dropped) the connection is BAD: it is reset
  // before its next use, outside a transaction (which died with it), and set up afresh
  // (prepared statements are per session). Issue 20 item 4: the app reconnects by itself.
  // An idle connection with something to read has been told to go (the server shut down: a
  // FATAL, then end of file) and is reset. It is not read first: PQconsumeInput takes the FATAL
  // and returns with the status still OK, the end of file unseen, and the next statement would
  // fail (CI, stop 32). Nothing else arrives unasked: the app never LISTENs.
  Status Alive() {
    if (PQstatus(c_) == CONNECTION_OK) {
      pollfd p{PQsocket(c_), POLLIN, 0};
      if (poll(&p, 1, 0) == 0) return {};
    }
    PQreset(c_);
    names_.clear();
    if (PQstatus(c_) != CONNECTION_OK)
      return Error{ErrorCode::kUnavailable, "数据库连接中断", "", PQerrorMessage(c_)};
    return Script(kSessionSetup);
  }

  // Runs a cached prepared statement; `changes` receives the affected row count.
  Result<std::vector<Row>> Run(std::string_view sql, const Params& params, int64_t* changes) {
    if (!open_tx_) RETURN_IF_ERROR(Alive());
    ASSIGN_OR_RETURN(std::string name, Prepared(sql));
    ParamBuffer buf(params);
    PGresult* res = PQexecPrepared(c_, name.c_str(), static_cast<int>(params.size()),
                                   buf.ptrs.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      Error e = PgError(res, c_, "执行SQL失败");
      PQclear(res);
      return e;
    }
    Result<std::vector<Row>> rows = ReadRows(res);
    if (changes) {
      const char* n = PQcmdTuples(res);
      *changes = (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
    }
    PQclear(res);
    return rows;
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    return Run(sql, params, nullptr);
  }

  // The stamp (storage/count_store.h) is the server's snapshot as text (xmin:xmax:running
  // xids): every commit of a transaction that wrote, in any session, either raises xmax or
  // takes its xid off the running list; a transaction that only read changes nothing.
  Result<int64_t> CountOf(std::string_view sql, const Params& params) override {
    if (InTransaction()) return Connection::CountOf(sql, params);
    ASSIGN_OR_RETURN(auto snapshot, Query("SELECT pg_current_snapshot()::text", {}));
    return counts_.Get(snapshot.at(0).Text(0), sql, params,
                       [&] { return Connection::CountOf(sql, params); });
  }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    int64_t n = 0;
    RETURN_IF_ERROR(Run(sql, params, &n));
    return n;
  }

  // COPY … FROM STDIN in text format: tab-separated, \N for NULL, backslash escapes.
  Result<int64_t> BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                             const std::vector<std::vector<Value>>& rows) override {
    if (!open_tx_) RETURN_IF_ERROR(Alive());
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    PGresult* res = PQexec(c_, (sql + ") FROM STDIN").c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Error e = PgError(res, c_, "COPY 失败");
      PQclear(res);
      return e;
    }
    PQclear(res);
    std::string buf;
    for (const auto& row : rows) {
      AppendCopyLine(buf, row);
      if (buf.size() > (1 << 20)) {
        if (PQputCopyData(c_, buf.data(), static_cast<int>(buf.size())) != 1) break;
        buf.clear();
      }
    }
    if (!buf.empty()) PQputCopyData(c_, buf.data(), static_cast<int>(buf.size()));
    PQputCopyEnd(c_, nullptr);
    res = PQgetResult(c_);
    Status st;
    if (PQresultStatus(res) != PGRES_COMMAND_OK) st = PgError(res, c_, "COPY 失败");
    PQclear(res);
    while ((res = PQgetResult(c_)) != nullptr) PQclear(res);
    if (!st.ok()) return st.take_error();
    return static_cast<int64_t>(rows.size());
  }

  Status ExecScript(std::string_view sql) override {
    if (!open_tx_) RETURN_IF_ERROR(Alive());
    return Script(sql);
  }

  // BEGIN on a connection that died unnoticed (the server restarted since its last use) fails
  // having done nothing: reconnect and begin again, once. Inside a transaction nothing is
  // reset: a statement on a dead connection fails, and so does COMMIT (a fresh session would
  // answer COMMIT with a mere warning: the write would seem saved), until the rollback.
  Status Begin(TxMode mode) override {
    const char* sql = mode == TxMode::kWrite ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN";
    Status st = ExecScript(sql);
    if (!st.ok() && PQstatus(c_) != CONNECTION_OK) st = ExecScript(sql);
    open_tx_ = st.ok();
    return st;
  }
  Status Commit() override {
    open_tx_ = false;
    return Script("COMMIT");
  }
  Status Rollback() override {
    bool live = PQtransactionStatus(c_) != PQTRANS_IDLE && PQstatus(c_) == CONNECTION_OK;
    open_tx_ = false;
    return live ? Script("ROLLBACK") : Status();
  }
  // A dead connection holds no transaction of its own (PQTRANS_UNKNOWN), but one it held stays
  // "open" until rolled back, so that no caller joins it and writes outside a transaction.
  bool InTransaction() const override {
    auto t = PQtransactionStatus(c_);
    return open_tx_ || (t != PQTRANS_IDLE && t != PQTRANS_UNKNOWN);
  }
  PGconn* raw() { return c_; }

 private:
  Status Script(std::string_view sql) {
    std::string s(sql);
    PGresult* res = PQexec(c_, s.c_str());
    ExecStatusType st = PQresultStatus(res);
    Status out;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) out = PgError(res, c_, "执行SQL脚本失败");
    PQclear(res);
    return out;
  }

  Result<std::string> Prepared(std::string_view sql) {
    auto it = names_.find(std::string(sql));
    if (it != names_.end()) return it->second;
    std::string name = "s" + std::to_string(names_.size() + 1);
    std::string text = NumberPlaceholders(sql);
    PGresult* res = PQprepare(c_, name.c_str(), text.c_str(), 0, nullptr);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      Error e = PgError(res, c_, "准备SQL失败");
      PQclear(res);
      return e;
    }
    PQclear(res);
    names_.emplace(std::string(sql), name);
    return name;
  }

  PGconn* c_;
  std::unordered_map<std::string, std::string> names_;
  bool open_tx_ = false;  // between a successful Begin and Commit/Rollback
  CountStore counts_;
};

Result<std::vector<Row>> PgStatement::Run() { return conn_->Run(sql_, params_, &changes_); }

class PgDatabase final : public PooledDatabase {
 public:
  explicit PgDatabase(std::string url) : url_(std::move(url)) {}
  std::string_view Dialect() const override { return "postgresql"; }

  Status Init(int pool_size) {
    for (int i = 0; i < pool_size; ++i) {
      PGconn* c = PQconnectdb(url_.c_str());
      if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        return Error{ErrorCode::kUnavailable, "无法连接PostgreSQL: " + msg, "db"};
      }
      auto conn = std::make_unique<PgConnection>(c);
      RETURN_IF_ERROR(conn->ExecScript(kSessionSetup));
      AddConnection(std::move(conn));
    }
    return {};
  }

  // pg_dump in custom format; pg_restore --clean replaces every object it holds.
  Status Backup(const std::string& path) override {
    return RunTool("pg_dump --format=custom --no-owner --file=" + Quote(path) + " " + Quote(url_));
  }
  Status Restore(const std::string& path) override {
    return RunTool("pg_restore --clean --if-exists --no-owner --single-transaction --dbname=" +
                   Quote(url_) + " " + Quote(path));
  }

 private:
  static std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }
  static Status RunTool(const std::string& cmd) {
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return Error::Internal("无法运行: " + cmd);
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    if (pclose(p) != 0) return Error::Internal(cmd.substr(0, cmd.find(' ')) + " 失败: " + out);
    return {};
  }

  std::string url_;
};

}  // namespace

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size) {
  auto db = std::make_unique<PgDatabase>(url);
  RETURN_IF_ERROR(db->Init(pool_size < 1 ? 1 : pool_size));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace ruralec::storage::pg
