#include "imports/error_access.h"

#include <map>

namespace ruralec::imports {
namespace {

std::map<std::string, std::string>& ReadPermissions() {
  static std::map<std::string, std::string> m;
  return m;
}

}  // namespace

void SetErrorReadPermission(const std::string& kind, const std::string& permission) {
  ReadPermissions()[kind] = permission;
}

Status MayReadErrorReport(const account::Principal& who, const StoredErrorReport& stored,
                          int64_t id) {
  if (stored.created_by && *stored.created_by == who.id.value) return {};
  if (who.binding) return Error::Forbidden("该账号不能查看他人的导入错误报告");
  auto missing = Error::NotFound("错误报告 " + std::to_string(id) + " 不存在或已过期");
  auto need = ReadPermissions().find(stored.kind);
  if (need == ReadPermissions().end() || !who.Can(need->second)) return missing;
  if (!who.InScope(stored.region)) return missing;
  return {};
}

}  // namespace ruralec::imports
