#include "account/roles.h"

#include <algorithm>

namespace ruralec::account {

const std::vector<RoleDef>& BuiltinRoles() {
  static const std::vector<RoleDef> kRoles = {
      {"system_admin",
       "系统管理员",
       true,
       {"region:read", "region:import", "region:tag:define", "calendar:read", "calendar:edit",
        "user:read", "user:create", "user:edit", "user:disable", "user:reset_password",
        "role:read"}},
      {"security_admin",
       "安全管理员",
       true,
       {"region:read", "user:read", "user:unlock", "user:reset_password", "user:disable",
        "user:role:grant_admin", "role:read", "security:policy:read", "security:policy:edit"}},
      {"audit_admin", "审计管理员", true, {"region:read", "audit:read"}},
      {"county_staff",
       "县级工作人员",
       false,
       {"region:read", "region:tag:edit", "region:tag:define", "calendar:read", "user:read",
        "role:read", "logistics:plan:read", "logistics:plan:create", "programme:read",
        "programme:edit", "entity:read", "entity:edit", "sales:read", "sales:edit", "sales:import",
        "award:read", "award:evaluate", "award:propose"}},
      {"finance_staff",
       "财政工作人员",
       false,
       {"region:read", "calendar:read", "programme:read", "entity:read", "sales:read", "award:read",
        "award:evaluate", "award:approve"}},
      {"town_staff",
       "乡镇工作人员",
       false,
       {"region:read", "region:tag:edit", "calendar:read", "logistics:plan:read",
        "logistics:plan:create", "programme:read", "entity:read", "entity:edit", "sales:read",
        "sales:edit", "sales:import"}},
      {"station_operator", "站点运营人员", false, {"region:read", "calendar:read"}},
      {"entity", "经营主体", false, {"region:read", "entity:read", "sales:read", "sales:edit"}},
      {"trainer", "培训讲师", false, {"region:read", "calendar:read"}},
      {"driver", "驾驶员/物流员", false, {"region:read", "logistics:plan:read"}},
      {"auditor",
       "审计/纪检（只读）",
       false,
       {"region:read", "calendar:read", "user:read", "role:read", "logistics:plan:read",
        "programme:read", "entity:read", "sales:read", "award:read"}},
  };
  return kRoles;
}

const RoleDef* FindRole(std::string_view name) {
  for (const auto& r : BuiltinRoles()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

bool IsAdminRole(std::string_view name) {
  const RoleDef* r = FindRole(name);
  return r && r->admin;
}

Status ValidateRoleSet(const std::vector<std::string>& roles) {
  if (roles.empty()) return Error::Invalid("roles", "至少分配一个角色");
  int admins = 0;
  for (const auto& name : roles) {
    if (!FindRole(name)) return Error::Invalid("roles", "未知角色: " + name);
    if (IsAdminRole(name)) ++admins;
  }
  if (admins > 1) {
    return Error::Invalid("roles",
                          "系统管理员、安全管理员、审计管理员三者互斥，同一账号只能担任其一");
  }
  if (admins == 1 && roles.size() > 1) {
    return Error::Invalid("roles",
                          "三员账号（系统管理员、安全管理员、审计管理员）不能兼任业务角色");
  }
  return {};
}

Status SyncRoles(storage::Connection& conn) {
  for (const auto& r : BuiltinRoles()) {
    RETURN_IF_ERROR(conn.Exec(
        "INSERT INTO roles (name, label, is_admin, builtin) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (name) DO UPDATE SET label = excluded.label, is_admin = excluded.is_admin",
        {r.name, r.label, int64_t{r.admin ? 1 : 0}}));
    RETURN_IF_ERROR(conn.Exec("DELETE FROM role_permissions WHERE role = ?", {r.name}));
    for (const auto& p : r.permissions) {
      RETURN_IF_ERROR(
          conn.Exec("INSERT INTO role_permissions (role, permission) VALUES (?, ?)", {r.name, p}));
    }
  }
  return {};
}

}  // namespace ruralec::account
