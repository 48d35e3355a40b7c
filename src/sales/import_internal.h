// Helpers of the sales import (import.cc), apart so they can be read on their own.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "storage/db.h"

namespace ruralec::sales::internal {

// 64-bit hashes of the natural keys accepted so far in this file, each with the file row that
// first had it (open addressing; 16 bytes a slot at most half full, so 1,000,000 rows take
// 32 MiB). A hit is confirmed against the staged row, so a hash collision never rejects a row.
class KeyHashes {
 public:
  static uint64_t Of(std::string_view key) {
    uint64_t h = std::hash<std::string_view>{}(key);
    return h == 0 ? 1 : h;
  }
  // The row recorded for `h`, or 0.
  int64_t Find(uint64_t h) const {
    if (slots_.empty()) return 0;
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == h) return rows_[i];
      if (slots_[i] == 0) return 0;
    }
  }
  // Records `row` for `h` unless `h` already has a row (the first row of a key is kept).
  void Insert(uint64_t h, int64_t row) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i] != 0) return;
    ++size_;
    slots_[i] = h;
    rows_[i] = row;
  }

 private:
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    std::vector<int64_t> old_rows = std::move(rows_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), 0);
    rows_.assign(slots_.size(), 0);
    size_ = 0;
    for (size_t i = 0; i < old.size(); ++i) {
      if (old[i] != 0) Insert(old[i], old_rows[i]);
    }
  }
  std::vector<uint64_t> slots_;
  std::vector<int64_t> rows_;
  size_t size_ = 0;
};

// Writes buffers of rows (BulkInsert) on a second thread while the caller validates the next
// rows, so parsing/validation and SQLite's B-tree work use both cores. One buffer in flight at
// a time; the connection is used by one thread at a time (ConnLock); the first write error is
// returned by the next Submit/Wait. The destructor waits for the buffer in flight, so the
// transaction is never rolled back under a running write.
class BackgroundWriter {
 public:
  using Rows = std::vector<std::vector<storage::Value>>;
  BackgroundWriter(storage::Connection& conn, std::string table,
                   const std::vector<std::string>& columns)
      : conn_(conn), table_(std::move(table)), columns_(columns), thread_([this] { Loop(); }) {}
  ~BackgroundWriter() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  // Hands `rows` over; `rows` gets back the buffer written before (to reuse its strings).
  Status Submit(Rows& rows) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return !busy_; });
    if (!error_.ok()) return error_;
    std::swap(rows, slot_);
    busy_ = true;
    cv_.notify_all();
    return {};
  }
  Status Wait() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return !busy_; });
    return error_;
  }
  std::unique_lock<std::mutex> ConnLock() { return std::unique_lock(conn_m_); }

 private:
  void Loop() {
    std::unique_lock lock(m_);
    while (true) {
      cv_.wait(lock, [this] { return busy_ || stop_; });
      if (!busy_) return;  // stopping, nothing in flight
      lock.unlock();
      Status st;
      {
        std::lock_guard conn_lock(conn_m_);
        auto n = conn_.BulkInsert(table_, columns_, slot_);
        if (!n.ok()) st = n.take_error();
      }
      lock.lock();
      if (!st.ok() && error_.ok()) error_ = st;
      busy_ = false;
      cv_.notify_all();
    }
  }

  storage::Connection& conn_;
  std::string table_;
  const std::vector<std::string>& columns_;
  std::mutex m_, conn_m_;
  std::condition_variable cv_;
  Rows slot_;
  bool busy_ = false, stop_ = false;
  Status error_;
  std::thread thread_;  // last: starts once everything above is initialised
};

}  // namespace ruralec::sales::internal
