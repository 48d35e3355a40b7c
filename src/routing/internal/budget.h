// Time budget of one search thread, on the wall clock or on the thread's own CPU clock
// (CLOCK_THREAD_CPUTIME_ID). The CPU clock makes a "60 s on one core" limit mean the same on
// a loaded shared machine as on an idle one: time the thread spends waiting for a core does
// not count. Construct it in the thread that searches.
#pragma once

#include <chrono>
#include <ctime>

namespace ruralec::routing::internal {

class Budget {
 public:
  Budget(double seconds, bool cpu_time) : limit_(seconds), cpu_(cpu_time), start_(Now()) {}

  // Seconds used so far on the chosen clock.
  double Elapsed() const { return Now() - start_; }
  double Remaining() const { return limit_ - Elapsed(); }
  bool Expired() const { return Elapsed() >= limit_; }
  double limit() const { return limit_; }

 private:
  double Now() const {
    if (cpu_) {
      timespec ts{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
      return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  double limit_;
  bool cpu_;
  double start_;
};

}  // namespace ruralec::routing::internal
