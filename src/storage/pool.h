// The connection pool both backends share: a fixed set of connections; Acquire() blocks until
// one is free; a connection handed back with a transaction still open is rolled back first, so
// no lease ever starts inside someone else's transaction.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/db.h"

namespace ruralec::storage {

class PooledDatabase : public Database {
 public:
  Lease Acquire() override {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    Connection* c = free_.back();
    free_.pop_back();
    return Lease(this, c);
  }

 protected:
  // Called by the backend while opening, before any Acquire().
  void AddConnection(std::unique_ptr<Connection> conn) {
    free_.push_back(conn.get());
    all_.push_back(std::move(conn));
  }

  void Release(Connection* conn) override {
    if (conn->InTransaction()) (void)conn->Rollback();
    {
      std::lock_guard lock(mu_);
      free_.push_back(conn);
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
};

}  // namespace ruralec::storage
