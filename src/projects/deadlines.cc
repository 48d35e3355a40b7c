#include "projects/deadlines.h"

#include <algorithm>
#include <cstdio>

namespace ruralec::projects {
namespace {

constexpr int kMaxWalkDays = 800;  // no deadline of a few working days walks further

bool InPause(CivilDate d, const std::vector<Pause>& pauses) {
  for (const auto& p : pauses)
    if (d > p.from && (!p.to || d <= *p.to)) return true;
  return false;
}

}  // namespace

std::vector<Pause> ParsePauses(const std::string& text) {
  std::vector<Pause> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? comma : comma - start);
    start = comma == std::string::npos ? text.size() : comma + 1;
    size_t slash = part.find('/');
    auto from = CivilDate::Parse(part.substr(0, slash));
    if (!from.ok()) continue;
    Pause p{*from, std::nullopt};
    if (slash != std::string::npos && slash + 1 < part.size()) {
      auto to = CivilDate::Parse(part.substr(slash + 1));
      if (to.ok()) p.to = *to;
    }
    out.push_back(p);
  }
  return out;
}

std::string FormatPauses(const std::vector<Pause>& pauses) {
  std::string out;
  for (const auto& p : pauses) {
    if (!out.empty()) out += ",";
    out += p.from.ToString() + "/" + (p.to ? p.to->ToString() : "");
  }
  return out;
}

Due DueAfter(const calendar::Calendar& cal, CivilDate start, int working_days,
             const std::vector<Pause>& pauses) {
  Due out;
  std::optional<CivilDate> open;  // the start of an open pause: no day after it counts yet
  for (const auto& p : pauses)
    if (!p.to) open = p.from;
  int counted = 0;
  CivilDate d = start;
  for (int i = 0; counted < working_days && i < kMaxWalkDays; ++i) {
    if (open && d >= *open) {
      out.paused = true;
      return out;
    }
    d = d.AddDays(1);
    if (InPause(d, pauses)) continue;
    auto w = cal.IsWorkingDay(d);
    if (!w.ok()) {
      out.provisional = true;
      return out;
    }
    if (*w) ++counted;
  }
  if (counted == working_days) out.date = d;
  return out;
}

std::string CalendarVersion(const std::vector<calendar::YearInfo>& years) {
  if (years.empty()) return "none";
  uint32_t h = 2166136261u;  // FNV-1a over "year:source:holidays:workdays;"
  int lo = years.front().year, hi = years.front().year;
  for (const auto& y : years) {
    std::string s = std::to_string(y.year) + ":" + y.source + ":" + std::to_string(y.holidays) +
                    ":" + std::to_string(y.workdays) + ";";
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    lo = std::min(lo, y.year);
    hi = std::max(hi, y.year);
  }
  char hex[16];
  std::snprintf(hex, sizeof hex, "%08x", h);
  return std::to_string(lo) + "-" + std::to_string(hi) + "#" + hex;
}

}  // namespace ruralec::projects
