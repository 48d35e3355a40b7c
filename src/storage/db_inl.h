#pragma once
// Template part of storage/db.h.

#include <chrono>
#include <random>
#include <thread>

namespace ruralec::storage {

namespace internal {
inline constexpr int kMaxAttempts = 12;
// Randomised, growing pause before re-running a transaction that lost a serialization race.
inline void BackoffBeforeRetry(int attempt) {
  thread_local std::mt19937 rng(std::random_device{}());
  int ceiling = 2 << std::min(attempt, 6);  // 4 ms … 128 ms
  std::this_thread::sleep_for(std::chrono::milliseconds(1 + rng() % ceiling));
}
}  // namespace internal

template <typename T>
Result<T> InTransaction(Connection& conn, TxMode mode, const std::function<Result<T>()>& fn) {
  if (conn.InTransaction()) return fn();  // joins the caller's transaction
  for (int attempt = 1;; ++attempt) {
    Result<T> r = [&]() -> Result<T> {
      RETURN_IF_ERROR(conn.Begin(mode));
      try {
        Result<T> out = fn();
        if (!out.ok()) {
          (void)conn.Rollback();
          return out;
        }
        Status c = conn.Commit();
        if (!c.ok()) {
          (void)conn.Rollback();
          return c.take_error();
        }
        return out;
      } catch (...) {
        (void)conn.Rollback();
        throw;
      }
    }();
    if (r.ok() || r.error().code != ErrorCode::kRetry || attempt == internal::kMaxAttempts)
      return r;
    internal::BackoffBeforeRetry(attempt);
  }
}

}  // namespace ruralec::storage
