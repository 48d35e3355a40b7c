// List routes: every list is paginated and scope-filtered on the server. What each list route
// reads (page, page_size, sort from a whitelist, order, region scope) and how it answers
// ({items, total, page, page_size} of docs/API.md) is written here once.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/types.h"
#include "http/server.h"

namespace ruralec::http {

// Exports hold at most this many rows (a larger selection is 400: narrow the filters).
inline constexpr int kMaxExportRows = 100000;
// The page an export reads (one more than kMaxExportRows, so TooManyForExport can tell).
PageRequest ExportPage();
// kInvalidArgument (field page_size) when `total` exceeds kMaxExportRows.
Status TooManyForExport(int64_t total);

// An optional number as JSON: null when absent.
inline Json OptIntJson(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

struct ListParams {
  PageRequest page;
  RegionCode scope;  // the `region_code` parameter inside the caller's region; default theirs
};

// Reads page, page_size, order and sort; `sort` must be one of `sorts` (kInvalidArgument naming
// "sort" otherwise; an empty whitelist refuses any sort). The scope as http::ScopedRegion.
Result<ListParams> ReadList(const Request& req, const std::vector<std::string>& sorts);

// The page answer with each item converted by `to_json`.
template <typename T, typename ToJson>
Json PageJson(const Page<T>& p, const PageRequest& page, ToJson to_json) {
  Json items = Json::array();
  for (const auto& item : p.items) items.push_back(to_json(item));
  return PageJson(p.total, page, std::move(items));
}

// The page of `page` out of the items of `all` that `keep` accepts (a list built in memory).
template <typename T, typename Keep, typename ToJson>
Json SlicePageJson(const std::vector<T>& all, const PageRequest& page, Keep keep, ToJson to_json) {
  Json items = Json::array();
  int64_t total = 0;
  for (const auto& item : all) {
    if (!keep(item)) continue;
    if (total >= page.offset() && total < page.offset() + page.page_size)
      items.push_back(to_json(item));
    ++total;
  }
  return PageJson(total, page, std::move(items));
}

// GET `pattern`: ReadList, then `query` for the page, each item through `to_json`.
template <typename T>
void ListRoute(Server& s, const std::string& pattern, Route route, std::vector<std::string> sorts,
               std::function<Result<Page<T>>(Request&, const ListParams&)> query,
               std::function<Json(const T&)> to_json) {
  s.Get(pattern, std::move(route),
        [sorts = std::move(sorts), query = std::move(query), to_json = std::move(to_json)](
            Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(ListParams lp, ReadList(req, sorts));
          ASSIGN_OR_RETURN(Page<T> p, query(req, lp));
          return PageJson(p, lp.page, to_json);
        });
}

}  // namespace ruralec::http
