// Test support: install the role grants of some modules' manifests, for tests that build
// principals by role or log users in without the whole binary's module list.
#pragma once

#include "account/roles.h"
#include "runtime/context.h"

namespace ruralec::runtime::testing {

inline Status InstallGrants(const ModuleList& modules) {
  return account::InstallGrants(Grants(modules));
}

// A principal of `role` in `region` holding the role's installed grants (InstallGrants first).
inline account::Principal PrincipalWithRole(const std::string& region, const std::string& role,
                                            int64_t id = 0) {
  account::Principal p;
  p.id = UserId{id};
  p.username = role;
  p.region = *RegionCode::Parse(region);
  p.roles = {role};
  if (const auto* def = account::FindRole(role))
    p.permissions.insert(def->permissions.begin(), def->permissions.end());
  return p;
}

}  // namespace ruralec::runtime::testing
