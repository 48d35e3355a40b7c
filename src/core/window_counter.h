// Counts events per key in fixed time windows, in memory (one server instance): what a public
// route without a session uses to limit what one client address may try (the public trace page:
// failed code lookups per address). The clock is injected, so tests move time instead of sleeping.
// Contract:
//  - A key's window starts at its first Add; Over(key) is true once `limit` events were added
//    inside the window, until `window_ms` after its start (then the key starts afresh).
//  - Memory is bounded: past `max_keys` keys, the windows that are over are dropped on Add.
//  - Safe to call from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.h"

namespace ruralec {

class WindowCounter {
 public:
  WindowCounter(const Clock& clock, int limit, int64_t window_ms, size_t max_keys = 100'000)
      : clock_(clock), limit_(limit), window_ms_(window_ms), max_keys_(max_keys) {}

  // Whether `key` has used up its events in its current window.
  bool Over(const std::string& key);
  // Counts one event of `key`.
  void Add(const std::string& key);
  // Events of `key` in its current window (0 when none or the window is over).
  int Count(const std::string& key);

  int limit() const { return limit_; }
  int64_t window_ms() const { return window_ms_; }

 private:
  struct Window {
    int64_t start = 0;
    int count = 0;
  };
  bool Live(const Window& w, int64_t now) const { return now - w.start < window_ms_; }

  const Clock& clock_;
  const int limit_;
  const int64_t window_ms_;
  const size_t max_keys_;
  std::mutex mu_;
  std::map<std::string, Window> windows_;
};

}  // namespace ruralec
