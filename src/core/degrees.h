// Decimal degrees (WGS-84) as the project stores them: integer micro-degrees. One reader for
// every module that takes a position (stations, logistics nodes, entities); each adds its own
// range check and error text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ruralec {

// "33.6452" → 33645200; nullopt unless an optional '-', 1–3 digits and, after a '.', 1–6
// decimals. No range check.
inline std::optional<int64_t> MicroDegrees(std::string_view t) {
  bool neg = !t.empty() && t[0] == '-';
  if (neg) t.remove_prefix(1);
  size_t dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? "" : t.substr(dot + 1);
  if (whole.empty() || whole.size() > 3 || frac.size() > 6 ||
      (dot != std::string_view::npos && frac.empty()))
    return std::nullopt;
  int64_t v = 0;
  for (size_t i = 0; i < whole.size() + 6; ++i) {
    char c = i < whole.size() ? whole[i]
                              : (i - whole.size() < frac.size() ? frac[i - whole.size()] : '0');
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return neg ? -v : v;
}

}  // namespace ruralec
