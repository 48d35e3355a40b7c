// Accounts: users bound to a region, roles, sessions, lockout, password policy.
// Contract:
//  - A user's data scope is the subtree of their region; every method checks scope and
//    permission itself: kForbidden without permission, kNotFound for a user out of scope.
//  - Wrong password and unknown user give the same kUnauthenticated error; failures are throttled
//    (kLocked) per (username, address), per username and per address: see throttle.cc.
//  - Sessions: 30-minute idle and 12-hour absolute expiry; ended at logout and at password
//    change. Only the SHA-256 of the session token is stored.
//  - Every state change and every login attempt is written to the audit log in the same
//    transaction as the change.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/page.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::account {

inline constexpr int64_t kIdleTimeoutMs = 30LL * 60 * 1000;
inline constexpr int64_t kAbsoluteTimeoutMs = 12LL * 3600 * 1000;
inline constexpr int kMaxFailures = 5;  // per (username, client address); more in internal.h
inline constexpr int64_t kFailureWindowMs = 15LL * 60 * 1000;
inline constexpr int64_t kLockoutMs = 15LL * 60 * 1000;

// The authenticated caller of a request.
// The one object a user of a bound role acts for (issue 15 item 4): kind "entity" and the
// entity's id for role `entity`. Set when the account is made, never changed (docs/API.md).
struct Binding {
  std::string kind;
  int64_t id = 0;
  bool operator==(const Binding&) const = default;
};

struct Principal {
  UserId id;
  std::string username;
  std::string display_name;
  RegionCode region;
  std::vector<std::string> roles;
  std::set<std::string> permissions;
  bool must_change_password = false;
  std::string must_change_reason;  // "initial" (one-time password) | "expired" | ""
  std::string ip;
  std::string csrf_token;
  std::string session_hash;
  std::optional<Binding> binding;

  bool Can(std::string_view perm) const { return permissions.count(std::string(perm)) > 0; }
  bool InScope(const RegionCode& code) const { return region.Contains(code); }
  // May read what applies to `code`: it is inside the caller's scope, or an area the caller's
  // region lies in (a city's programme or award list, seen by a county user of that city).
  // Writes need InScope.
  bool CanSee(const RegionCode& code) const { return InScope(code) || code.Contains(region); }
  bool CanSee(std::string_view code) const {  // false for text that is no region code
    auto parsed = RegionCode::Parse(code);
    return parsed.ok() && CanSee(*parsed);
  }
  // The id of the `kind` object this caller is bound to, if any: its reads and writes of that
  // kind are limited to it (and a bound caller with no such object sees none: fail closed).
  std::optional<int64_t> BoundTo(std::string_view kind) const {
    if (binding && binding->kind == kind) return binding->id;
    return std::nullopt;
  }
  audit::Actor ToActor() const;
};

struct PasswordPolicy {
  int min_length = 12;      // never below 12
  int require_classes = 3;  // of lower, upper, digit, symbol
  int max_age_days = 90;    // 0 = passwords do not expire
  int history = 5;          // cannot reuse the last N passwords
};
Status CheckPassword(const PasswordPolicy& policy, std::string_view username,
                     std::string_view password);

struct User {
  UserId id;
  std::string username;
  std::string display_name;
  RegionCode region;
  std::string region_name;
  std::vector<std::string> roles;
  std::string status;  // active | disabled
  bool must_change_password = false;
  std::optional<std::string> mobile_masked;
  std::optional<int64_t> locked_until;
  std::optional<int64_t> last_login_at;
  std::optional<int64_t> previous_login_at;  // the sign-in before the last one (上次登录)
  int64_t created_at = 0;
  std::optional<Binding> binding;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::string region_code;
  std::optional<std::string> mobile;
  std::optional<std::string> password;  // none: a one-time password is generated
  bool must_change = true;
  // Required for, and only for, a role some module binds (roles.h RoleBinding): that module's
  // check runs in the creating transaction.
  std::optional<Binding> binding;
};

struct UserUpdate {
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> region_code;
  std::optional<std::string> mobile;  // "" removes it
};

struct UserFilter {
  std::string q, role, region_code, status;
};

struct LoginResult {
  std::string token;  // goes into the cookie; never stored
  Principal principal;
};

struct CreatedUser {
  User user;
  std::string initial_password;  // empty when the caller supplied one
};

// Whether any user exists (a fresh database has none: `ruralec demo` refuses otherwise).
Result<bool> HasUsers(storage::Connection& conn);

// Marks the database as generated demo data (`ruralec demo`), dated `date` (YYYY-MM-DD).
Status MarkDemo(storage::Connection& conn, const std::string& date, int64_t now_ms);

// Builds the Principal of an active user by name (for the command line's --as USERNAME):
// region from users, permissions from the roles' grants. kNotFound for unknown or disabled.
Result<Principal> PrincipalFor(storage::Connection& conn, const std::string& username);

class Accounts {
 public:
  Accounts(storage::Database& db, const Clock& clock, const crypto::FieldCipher& cipher,
           const audit::AuditLog& audit)
      : db_(db), clock_(clock), cipher_(cipher), audit_(audit) {}

  // Auth.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& ip);
  Result<Principal> Authenticate(const std::string& token, const std::string& ip);
  Status Logout(const Principal& who);
  Result<LoginResult> ChangePassword(const Principal& who, const std::string& old_password,
                                     const std::string& new_password);

  // Users. `who` is nullopt for the command line (trusted operator, full scope).
  Result<CreatedUser> CreateUser(const Principal* who, const NewUser& nu);
  Result<User> GetUser(const Principal& who, UserId id);
  Result<User> Self(const Principal& who);  // the caller's own record, no permission needed
  Result<Page<User>> ListUsers(const Principal& who, const UserFilter& f, const PageRequest& p);
  Result<User> UpdateUser(const Principal& who, UserId id, const UserUpdate& u);
  Result<User> SetStatus(const Principal& who, UserId id, bool active);
  Result<std::string> ResetPassword(const Principal& who, UserId id);
  Result<User> Unlock(const Principal& who, UserId id);
  Result<std::string> RevealMobile(const Principal& who, UserId id);

  Result<PasswordPolicy> GetPolicy();
  Status SetPolicy(const Principal& who, const PasswordPolicy& p);

  // The civil date `ruralec demo` generated this database (settings key demo.generated_on);
  // nullopt for a real one. The console shows a banner on every page of a demo database.
  Result<std::optional<std::string>> DemoGeneratedOn();

  // Start-up: syncs built-in roles. Idempotent.
  Status Bootstrap();

 private:
  friend struct AccountsInternals;
  storage::Database& db_;
  const Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const audit::AuditLog& audit_;
};

// Who a user id is, for showing who recorded, corrected, proposed or approved something. Not
// scoped: the name is shown wherever the record carrying the id may be seen (as in the audit
// log). Ids of deleted or unknown users are absent from the map.
struct UserLabel {
  std::string username, display_name;
};
Result<std::map<int64_t, UserLabel>> UserLabels(storage::Connection& conn,
                                                const std::vector<int64_t>& ids);

// Does user `user_id` hold `permission` right now: the account is active and one of its
// roles grants it (read from the database, not from a session whose roles may be stale).
// Run it inside the transaction of the action it authorizes.
Result<bool> HoldsPermissionNow(storage::Connection& conn, int64_t user_id,
                                const std::string& permission);

}  // namespace ruralec::account
