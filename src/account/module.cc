#include "account/module.h"

#include "account/api/account_handlers.h"
#include "account/cli/user_command.h"
#include "account/roles.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::account {
namespace {

Result<std::vector<runtime::DictEntry>> RoleLabels(runtime::Context&) {
  std::vector<runtime::DictEntry> out;
  for (const auto& r : BuiltinRoles()) out.push_back({r.name, r.label});
  return out;
}

std::vector<runtime::Permission> Permissions() {
  const std::vector<std::string> staff_read = {"system_admin", "security_admin", "county_staff",
                                               "auditor"};
  return {
      {"user:read", "查看用户", staff_read},
      {"user:create", "新建用户", {"system_admin"}},
      {"user:create:bound", "开通经营主体等对象账号", {"county_staff", "town_staff"}},
      {"user:edit", "修改用户", {"system_admin"}},
      {"user:disable", "停用/启用用户", {"system_admin", "security_admin"}},
      {"user:reset_password", "重置口令", {"system_admin", "security_admin"}},
      {"user:unlock", "解锁用户", {"security_admin"}},
      {"user:role:grant_admin", "授予管理员角色", {"security_admin"}},
      {"role:read", "查看角色", staff_read},
      {"security:policy:read", "查看口令策略", {"security_admin"}},
      {"security:policy:edit", "修改口令策略", {"security_admin"}},
  };
}

std::vector<runtime::AuditAction> AuditActions() {
  return {{"auth.login", "登录"},
          {"auth.logout", "退出"},
          {"auth.lockout", "锁定"},
          {"auth.password.change", "修改口令"},
          {"user.create", "新建用户"},
          {"user.update", "修改用户"},
          {"user.roles.update", "修改角色"},
          {"user.disable", "停用用户"},
          {"user.enable", "启用用户"},
          {"user.password.reset", "重置口令"},
          {"user.unlock", "解锁"},
          {"pii.view", "查看个人信息"},
          {"security.policy.update", "修改口令策略"}};
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "account";
    m.title = "用户与权限";
    m.depends = {"audit", "region"};
    m.tables = {"roles",         "role_permissions", "users",   "user_roles", "password_history",
                "auth_throttle", "sessions",         "settings"};
    m.permissions = Permissions();
    m.dicts = {{"roles", {}, RoleLabels, "角色"},
               {"user_status", {{"active", "正常"}, {"disabled", "停用"}}, nullptr, "用户状态"}};
    m.audit_actions = AuditActions();
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM users WHERE bound_kind = 'entity' AND bound_id", "个企业账号"}})};
    m.routes = [](http::Server& s, runtime::Context& c) { api::RegisterRoutes(s, c.accounts()); };
    m.commands = AddUserCommand;
    return m;
  }();
  return m;
}

}  // namespace ruralec::account
