#include "account/roles.h"

#include <algorithm>
#include <set>

namespace ruralec::account {

namespace {

// The built-in roles. Their permissions are not written here: each module's manifest declares
// its permissions and the roles holding them, and InstallGrants fills them in at start-up.
std::vector<RoleDef>& Roles() {
  static std::vector<RoleDef> roles = {
      {"system_admin", "系统管理员", true, {}},        {"security_admin", "安全管理员", true, {}},
      {"audit_admin", "审计管理员", true, {}},         {"county_staff", "县级工作人员", false, {}},
      {"finance_staff", "财政工作人员", false, {}},    {"town_staff", "乡镇工作人员", false, {}},
      {"station_operator", "站点运营人员", false, {}}, {"entity", "经营主体", false, {}},
      {"operator_company", "承办企业", false, {}},     {"trainer", "培训讲师", false, {}},
      {"driver", "驾驶员/物流员", false, {}},          {"auditor", "审计/纪检（只读）", false, {}},
  };
  return roles;
}

}  // namespace

const std::vector<RoleDef>& BuiltinRoles() { return Roles(); }

Status InstallGrants(const std::map<std::string, std::vector<std::string>>& grants) {
  for (const auto& [role, perms] : grants) {
    if (!FindRole(role)) return Error::Invalid("roles", "权限授予了未知角色: " + role);
  }
  for (RoleDef& r : Roles()) {
    auto it = grants.find(r.name);
    std::set<std::string> perms;
    if (it != grants.end()) perms.insert(it->second.begin(), it->second.end());
    r.permissions.assign(perms.begin(), perms.end());
  }
  return {};
}

const RoleDef* FindRole(std::string_view name) {
  for (const auto& r : BuiltinRoles()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

namespace {
std::vector<RoleBinding>& Bindings() {
  static std::vector<RoleBinding> bindings;
  return bindings;
}
}  // namespace

Status InstallBindings(const std::vector<RoleBinding>& bindings) {
  std::set<std::string> seen;
  for (const RoleBinding& b : bindings) {
    const RoleDef* r = FindRole(b.role);
    if (!r || r->admin) return Error::Invalid("roles", "不能绑定对象的角色: " + b.role);
    if (!seen.insert(b.role).second) return Error::Invalid("roles", "角色重复绑定: " + b.role);
  }
  Bindings() = bindings;
  return {};
}

const RoleBinding* BindingOf(std::string_view role) {
  for (const RoleBinding& b : Bindings())
    if (b.role == role) return &b;
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
  for (const auto& name : roles) {
    if (BindingOf(name) && roles.size() > 1)
      return Error::Invalid("roles", FindRole(name)->label + "账号只能担任这一个角色");
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
