// Server-side pagination shared by every list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ruralec {

struct PageRequest {
  int page = 1;        // 1-based
  int page_size = 20;  // clamped to [1, kMaxPageSize]
  std::string sort;    // a field name the list allows ("" = the list's default order)
  bool descending = false;
  static constexpr int kMaxPageSize = 200;
  int64_t offset() const { return static_cast<int64_t>(page - 1) * page_size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

}  // namespace ruralec
