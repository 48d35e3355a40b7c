// Test support: install the role grants of some modules' manifests, for tests that build
// principals by role or log users in without the whole binary's module list.
#pragma once

#include "account/roles.h"
#include "runtime/context.h"

namespace ruralec::runtime::testing {

inline Status InstallGrants(const ModuleList& modules) {
  return account::InstallGrants(Grants(modules));
}

}  // namespace ruralec::runtime::testing
