// The connection pool both backends share: a fixed set of connections; Acquire() blocks until
// one is free; a connection handed back with a transaction still open is rolled back first, so
// no lease ever starts inside someone else's transaction.
// Waiters are served first come, first served: Release() hands the connection straight to the
// oldest waiter, so a thread that releases and acquires again cannot barge ahead of threads
// already waiting. (With a plain condition variable, 64 request threads on 16 connections
// starved some requests: p99 about ten times the mean, docs/PERFORMANCE.md "HTTP".)
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/db.h"

namespace ruralec::storage {

class PooledDatabase : public Database {
 public:
  Lease Acquire() override {
    std::unique_lock lock(mu_);
    if (!free_.empty() && waiters_.empty()) {
      Connection* c = free_.back();
      free_.pop_back();
      return Lease(this, c);
    }
    Waiter me;
    waiters_.push_back(&me);
    me.cv.wait(lock, [&] { return me.conn != nullptr; });
    return Lease(this, me.conn);
  }

  // Threads waiting in Acquire() now (for tests and diagnostics).
  size_t Waiting() {
    std::lock_guard lock(mu_);
    return waiters_.size();
  }

 protected:
  // Called by the backend while opening, before any Acquire().
  void AddConnection(std::unique_ptr<Connection> conn) {
    free_.push_back(conn.get());
    all_.push_back(std::move(conn));
  }

  void Release(Connection* conn) override {
    if (conn->InTransaction()) (void)conn->Rollback();
    std::lock_guard lock(mu_);
    if (waiters_.empty()) {
      free_.push_back(conn);
      return;
    }
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    next->conn = conn;
    next->cv.notify_one();  // under the lock: `next` lives on its thread's stack until woken
  }

 private:
  struct Waiter {
    std::condition_variable cv;
    Connection* conn = nullptr;  // set by Release(), under mu_
  };
  std::mutex mu_;
  std::deque<Waiter*> waiters_;  // oldest first
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
};

}  // namespace ruralec::storage
