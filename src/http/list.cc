#include "http/list.h"

#include <algorithm>

#include "http/params.h"

namespace ruralec::http {

PageRequest ExportPage() {
  PageRequest p;
  p.page_size = kMaxExportRows + 1;
  return p;
}

Status TooManyForExport(int64_t total) {
  if (total <= kMaxExportRows) return {};
  return Error::Invalid("page_size",
                        "导出行数超过 " + std::to_string(kMaxExportRows) + " 行，请缩小筛选范围");
}

Result<ListParams> ReadList(const Request& req, const std::vector<std::string>& sorts) {
  ListParams lp;
  ASSIGN_OR_RETURN(lp.page, req.Page());
  if (!lp.page.sort.empty() && std::find(sorts.begin(), sorts.end(), lp.page.sort) == sorts.end())
    return Error::Invalid("sort", "不支持按 " + lp.page.sort + " 排序");
  ASSIGN_OR_RETURN(lp.scope, ScopedRegion(req));
  return lp;
}

}  // namespace ruralec::http
