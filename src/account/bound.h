// Accounts bound to an object (roles.h RoleBinding): read side for the module that owns the
// object (a station's detail names the operator accounts bound to it).
#pragma once

#include <string_view>
#include <vector>

#include "account/account.h"

namespace ruralec::account {

// The active accounts bound to object `id` of `kind`, by username.
Result<std::vector<UserLabel>> UsersBoundTo(storage::Connection& conn, std::string_view kind,
                                            int64_t id);

}  // namespace ruralec::account
