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
inline constexpr int kMaxFailuresPerUser = 25;      // per username, over all addresses
inline constexpr int kMaxFailuresPerAddress = 30;   // per client address, over all usernames
inline constexpr size_t kMaxDisplayNameChars = 50;  // validate::ValidateText

// Failed-attempt throttling (throttle.cc). A login or password change first reserves its
// attempt (in a write transaction, before the slow password check), then records the outcome.
struct Throttled {
  int64_t until = 0;        // when the attempt may be repeated
  bool by_address = false;  // the client address (not the account) is throttled
};
// nullopt: reserved; a Throttled: refused without checking the password.
Result<std::optional<Throttled>> ReserveAttempt(storage::Connection& conn,
                                                const std::string& username, const std::string& ip,
                                                int64_t now);
// A wrong password: returns the lock this failure set, if it set one.
Result<std::optional<Throttled>> RecordFailure(storage::Connection& conn,
                                               const std::string& username, const std::string& ip,
                                               int64_t now);
// The right password (or an attempt judged otherwise): frees the reservation.
Status ReleaseAttempt(storage::Connection& conn, const std::string& username, const std::string& ip,
                      int64_t now);
Error ThrottledError(const Throttled& t, int64_t now);

}  // namespace ruralec::account::internal
