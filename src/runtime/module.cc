#include "runtime/module.h"

#include <set>

namespace ruralec::runtime {
namespace {

// Records `name` under `kind`; an error naming both when it was seen before.
Status Unique(std::set<std::string>& seen, const std::string& kind, const std::string& name,
              const Module& m) {
  if (!seen.insert(name).second)
    return Error::Invalid("modules", "模块 " + m.name + " 重复声明" + kind + " " + name);
  return {};
}

Status CheckOne(const Module& m, std::map<std::string, std::set<std::string>>& seen) {
  for (const auto& t : m.tables) RETURN_IF_ERROR(Unique(seen["表"], "表", t, m));
  for (const auto& p : m.permissions) RETURN_IF_ERROR(Unique(seen["权限"], "权限", p.name, m));
  for (const auto& d : m.dicts) {
    RETURN_IF_ERROR(Unique(seen["字典"], "字典", d.name, m));
    const auto& x = d.extension;
    if (x && (x->permission.empty() || bool(x->additions) != bool(x->add) ||
              bool(x->add) != bool(x->set_disabled)))
      return Error::Invalid(
          "modules", "模块 " + m.name + " 的字典 " + d.name + " 可扩展却未声明权限或存取函数不全");
  }
  for (const auto& p : m.params) {
    RETURN_IF_ERROR(Unique(seen["参数"], "参数", p.name, m));
    if (p.name.rfind(m.name + ".", 0) != 0)
      return Error::Invalid("modules", "模块 " + m.name + " 的参数 " + p.name + " 应以模块名开头");
    RETURN_IF_ERROR(settings::CheckDef(p));
  }
  for (const auto& a : m.audit_actions)
    RETURN_IF_ERROR(Unique(seen["审计动作"], "审计动作", a.action, m));
  return {};
}

}  // namespace

Status Validate(const ModuleList& modules) {
  std::set<std::string> names;
  for (const Module* m : modules) {
    if (!names.insert(m->name).second) return Error::Invalid("modules", "模块重复: " + m->name);
  }
  std::map<std::string, std::set<std::string>> seen;
  int catalogues = 0;
  for (const Module* m : modules) {
    for (const auto& d : m->depends) {
      if (!names.count(d))
        return Error::Invalid("modules", "模块 " + m->name + " 依赖的模块 " + d + " 未列入");
    }
    RETURN_IF_ERROR(CheckOne(*m, seen));
    if (m->indicator_catalogue) ++catalogues;
  }
  if (catalogues > 1) return Error::Invalid("modules", "只能有一个模块定义指标目录");
  return {};
}

}  // namespace ruralec::runtime
