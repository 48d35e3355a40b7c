#include "http/query_ids.h"

#include <algorithm>
#include <string_view>

#include "http/params.h"

namespace ruralec::http {

Result<std::vector<int64_t>> QueryIds(const Request& req, const std::string& name) {
  std::string text = req.Query(name);
  std::vector<int64_t> out;
  if (!text.empty() && text.back() == ',') return Error::Invalid(name, "编号应为正整数");
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = std::min(text.find(',', start), text.size());
    ASSIGN_OR_RETURN(int64_t id,
                     ParseId(std::string_view(text).substr(start, comma - start), name));
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    if (out.size() > kMaxQueryIds)
      return Error::Invalid(name, "一次最多选择 " + std::to_string(kMaxQueryIds) + " 条");
    start = comma + 1;
  }
  return out;
}

}  // namespace ruralec::http
