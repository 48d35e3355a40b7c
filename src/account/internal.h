// Helpers shared by the account implementation files. Not part of the module's contract.
#pragma once

#include <string>
#include <vector>

#include "account/account.h"

namespace ruralec::account::internal {

Result<User> LoadUser(storage::Connection& conn, UserId id);
Result<std::optional<User>> FindUserByName(storage::Connection& conn, const std::string& username);
Result<std::vector<std::string>> LoadRoles(storage::Connection& conn, UserId id);
std::set<std::string> PermissionsOf(const std::vector<std::string>& roles);
Result<PasswordPolicy> LoadPolicy(storage::Connection& conn);
std::string GeneratePassword(const PasswordPolicy& policy);
std::string NormalizeUsername(std::string_view name);
Status RequirePermission(const Principal& who, std::string_view perm);
std::string JoinRoles(const std::vector<std::string>& roles);
// Throttle (lockout) state for a submitted username.
Result<std::optional<int64_t>> LockedUntil(storage::Connection& conn, const std::string& username,
                                           int64_t now);

}  // namespace ruralec::account::internal
