#include "http/handler_util.h"

#include <string>

namespace ruralec::http::util {

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

Json OptInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace ruralec::http::util
