#pragma once
// Template part of storage/db.h.

namespace ruralec::storage {

template <typename T>
Result<T> InTransaction(Connection& conn, TxMode mode, const std::function<Result<T>()>& fn) {
  RETURN_IF_ERROR(conn.Begin(mode));
  try {
    Result<T> r = fn();
    if (!r.ok()) {
      (void)conn.Rollback();
      return r;
    }
    Status c = conn.Commit();
    if (!c.ok()) {
      (void)conn.Rollback();
      return c.take_error();
    }
    return r;
  } catch (...) {
    (void)conn.Rollback();
    throw;
  }
}

}  // namespace ruralec::storage
