// Built-in roles and their permission strings ("module:object:action"). The roles are defined
// here; which permissions each holds is declared by the modules' manifests (runtime/module.h)
// and installed once at start-up (InstallGrants), then synced into the roles/role_permissions
// tables, so queries and the audit log see the same names the code checks.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::account {

struct RoleDef {
  std::string name;   // snake_case, stable: used by scripts (`user add --role town_staff`)
  std::string label;  // Chinese label
  bool admin;         // one of the three separated admin roles (三员分立)
  std::vector<std::string> permissions;
};

const std::vector<RoleDef>& BuiltinRoles();
// Sets every built-in role's permissions to exactly `grants[role]` (sorted; roles missing from
// the map hold none). Fails for an unknown role. Call before any thread reads the roles.
Status InstallGrants(const std::map<std::string, std::vector<std::string>>& grants);
const RoleDef* FindRole(std::string_view name);
bool IsAdminRole(std::string_view name);

// Checks a role set: every role known, at most one of the three admin roles, and an admin role
// never combined with a business role (三员分立: an administrator account does nothing else);
// a bound role (RoleBinding) stands alone too: its user acts for one object only.
Status ValidateRoleSet(const std::vector<std::string>& roles);

// A role whose users each act for one object of `kind` (role `entity` → kind "entity"). `check`
// runs inside the transaction creating such a user: the object exists and lies inside the
// user's region (kInvalidArgument naming field "binding" otherwise).
struct RoleBinding {
  std::string role;
  std::string kind;
  std::function<Status(storage::Connection&, const RegionCode& user_region, int64_t id)> check;
};
// Sets the bound roles (from the modules' manifests). Fails for an unknown or admin role, or a
// role bound twice. Call before any thread reads them.
Status InstallBindings(const std::vector<RoleBinding>& bindings);
const RoleBinding* BindingOf(std::string_view role);

// Writes BuiltinRoles() into the database (idempotent; inside the caller's transaction).
Status SyncRoles(storage::Connection& conn);

}  // namespace ruralec::account
