#include "storage/db.h"

#include "storage/db_errors.h"
#include "storage/pg/pg_db.h"
#include "storage/sqlite/sqlite_db.h"

namespace ruralec::storage {

int64_t Row::Int(size_t i) const {
  const Value& v = cols_.at(i);
  if (auto* p = std::get_if<int64_t>(&v)) return *p;
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = cols_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  return {};
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

Error IntegerOutOfRange() {
  return Error::Conflict(
      "合计超出可计算范围（超过 64 位整数），数据中有异常巨大的金额或数量，请核查并更正后重试");
}

Error DiskFull(std::string detail) {
  return {ErrorCode::kUnavailable,
          "磁盘空间不足，本次写入未保存（已整体撤销），请联系管理员清理磁盘后重试", "",
          std::move(detail)};
}

Result<int64_t> Connection::CountOf(std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  if (rows.empty()) return int64_t{0};
  return rows.front().Int(0);
}

Result<Row> Connection::QueryOne(std::string_view sql, const Params& params,
                                 std::string_view what) {
  ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  if (rows.empty()) return Error::NotFound(std::string(what));
  return std::move(rows.front());
}

Result<std::optional<Row>> Connection::QueryOptional(std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

Status InTransaction(Connection& conn, TxMode mode, const std::function<Status()>& fn) {
  return InTransaction<void>(conn, mode, fn);
}

Result<std::unique_ptr<Database>> Open(const std::string& target, int pool_size) {
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) {
    return pg::OpenPostgres(target, pool_size);
  }
  return sqlite::OpenSqlite(target, pool_size);
}

}  // namespace ruralec::storage
