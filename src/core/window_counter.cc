#include "core/window_counter.h"

#include <iterator>

namespace ruralec {

bool WindowCounter::Over(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it == windows_.end()) return false;
  if (!Live(it->second, clock_.NowMs())) {
    windows_.erase(it);
    return false;
  }
  return it->second.count >= limit_;
}

void WindowCounter::Add(const std::string& key) {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowMs();
  if (windows_.size() >= max_keys_) {
    for (auto it = windows_.begin(); it != windows_.end();)
      it = Live(it->second, now) ? std::next(it) : windows_.erase(it);
  }
  auto [it, fresh] = windows_.try_emplace(key, Window{now, 0});
  if (!fresh && !Live(it->second, now)) it->second = Window{now, 0};
  ++it->second.count;
}

int WindowCounter::Count(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it == windows_.end() || !Live(it->second, clock_.NowMs())) return 0;
  return it->second.count;
}

}  // namespace ruralec
