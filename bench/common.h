// Helpers shared by the benchmark programs: wall and CPU time, the median of repeated runs, and
// exits on errors (a benchmark has no caller to hand an error to).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "core/result.h"

namespace ruralec::bench {

inline double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
inline double Cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

[[noreturn]] inline void Die(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  std::exit(1);
}
template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) Die(r.error());
  return std::move(r).value();
}
inline void MustOk(const Status& s) {
  if (!s.ok()) Die(s.error());
}

// Milliseconds: the median of `runs` calls of f.
template <typename F>
double Median(F&& f, int runs = 21) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = std::chrono::steady_clock::now();
    f();
    ms.push_back(Since(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace ruralec::bench
