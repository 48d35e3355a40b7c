// Builders of each kind's snapshot (snapshot.h) and what they share. Internal to the module.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "disclosure/snapshot.h"

namespace ruralec::disclosure::internal {

// The most rows one table of a snapshot takes (a larger county's list is cut, and says so).
inline constexpr int64_t kMaxRows = 5000;

struct Context {
  const Deps& d;
  const account::Principal& who;
  RegionCode county;
  std::string county_name;
  std::string today;  // YYYY-MM-DD, Asia/Shanghai
};

Result<Snapshot> Programme(const Context& c, int64_t programme_id);
Result<Snapshot> Funds(const Context& c, int64_t fund_id);
Result<Snapshot> Projects(const Context& c);
Result<Snapshot> Conclusions(const Context& c);
Result<Snapshot> Awards(const Context& c, int64_t list_id);
Result<Snapshot> Products(const Context& c);
Result<Snapshot> Stations(const Context& c);

std::string Yuan(int64_t fen);  // "1,234.56元"
// "12.3%" of part/whole, "—" when whole is 0.
std::string Percent(int64_t part, int64_t whole);
// The name as published: masked when it may be a natural person's.
std::string PublicName(const std::string& name, bool personal);

// Every item of a paged read, page after page, at most kMaxRows (`cut` says whether more were
// left out).
template <typename T>
Result<std::vector<T>> AllPages(const std::function<Result<Page<T>>(const PageRequest&)>& read,
                                bool* cut) {
  std::vector<T> out;
  PageRequest page;
  page.page_size = PageRequest::kMaxPageSize;
  *cut = false;
  for (;;) {
    ASSIGN_OR_RETURN(Page<T> p, read(page));
    for (auto& x : p.items) out.push_back(std::move(x));
    if (static_cast<int64_t>(out.size()) >= p.total || p.items.empty()) break;
    if (static_cast<int64_t>(out.size()) >= kMaxRows) {
      *cut = true;
      break;
    }
    ++page.page;
  }
  return out;
}

// The note under a table cut at kMaxRows.
std::string CutNote();

}  // namespace ruralec::disclosure::internal
