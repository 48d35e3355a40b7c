#include "account/internal.h"
#include "account/roles.h"
#include "storage/row.h"

namespace ruralec::account {
namespace {

using internal::LoadUser;

const char kBadCredentials[] = "用户名或密码错误";

audit::Actor Anonymous(const std::string& username, const std::string& ip) {
  return {{}, username, "", ip, ""};
}

}  // namespace

namespace internal {

Error ThrottledError(const Throttled& t, int64_t now) {
  std::string minutes = std::to_string((t.until - now + 59'999) / 60'000);
  if (t.by_address)
    return {ErrorCode::kLocked, "该地址登录失败次数过多，请" + minutes + "分钟后再试", ""};
  return {ErrorCode::kLocked, "登录失败次数过多，账号已锁定，请" + minutes + "分钟后再试", ""};
}

}  // namespace internal

Status Accounts::Bootstrap() {
  RETURN_IF_ERROR(crypto::Init());
  auto conn = db_.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&] { return SyncRoles(*conn); });
}

static Result<std::string> CreateSession(storage::Connection& conn, const User& u,
                                         const std::string& ip, int64_t now, std::string* csrf) {
  std::string token = crypto::RandomToken(32);
  *csrf = crypto::RandomToken(24);
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
      "last_seen_at, ip, county_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {crypto::Sha256Hex(token), u.id.value, *csrf, now, now, ip, u.region.county().str()}));
  return token;
}

static Principal MakePrincipal(const User& u, const std::string& ip, const std::string& csrf,
                               const std::string& session_hash, const std::string& must_change) {
  Principal p;
  p.id = u.id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.region = u.region;
  p.roles = u.roles;
  p.permissions = internal::PermissionsOf(u.roles);
  p.must_change_password = !must_change.empty();
  p.must_change_reason = must_change;
  p.ip = ip;
  p.csrf_token = csrf;
  p.session_hash = session_hash;
  p.binding = u.binding;
  return p;
}

// Why the user must change the password before doing anything else: "initial" for a one-time
// password, "expired" past the policy's maximum age, "" when no change is due.
static Result<std::string> MustChange(storage::Connection& conn, const User& u, int64_t now) {
  if (u.must_change_password) return std::string("initial");
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(conn));
  if (policy.max_age_days == 0) return std::string();
  ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT password_changed_at FROM users WHERE id = ?",
                                           {u.id.value}, "用户不存在"));
  bool expired = now - row.Int(0) > policy.max_age_days * 86'400'000LL;
  return std::string(expired ? "expired" : "");
}

// Reserves the attempt; a throttled attempt is audited and refused without a password check.
static Status ReserveOrRefuse(storage::Connection& conn, const audit::AuditLog& audit,
                              const std::string& username, const std::string& ip,
                              const char* action, int64_t now) {
  std::optional<internal::Throttled> refused;
  RETURN_IF_ERROR(storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(refused, internal::ReserveAttempt(conn, username, ip, now));
    if (!refused) return {};
    return audit.Append(conn,
                        {Anonymous(username, ip), action, "user", username, audit::Outcome::kDenied,
                         refused->by_address ? "address throttled" : "account locked"});
  }));
  if (refused) return internal::ThrottledError(*refused, now);
  return {};
}

// Records a wrong password (its reservation becomes a failure). `*failure` becomes the lockout
// error when this failure locked; `*locked` says whether it did.
static Status RecordWrongPassword(storage::Connection& conn, const audit::AuditLog& audit,
                                  const std::string& username, const std::string& ip,
                                  const char* action, int64_t now, Error* failure,
                                  bool* locked_now) {
  return storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(auto locked, internal::RecordFailure(conn, username, ip, now));
    RETURN_IF_ERROR(audit.Append(conn, {Anonymous(username, ip), action, "user", username,
                                        audit::Outcome::kFailure, "bad credentials"}));
    *locked_now = locked.has_value();
    if (!locked) return {};
    *failure = internal::ThrottledError(*locked, now);
    return audit.Append(
        conn, {Anonymous(username, ip), "auth.lockout", "user", username, audit::Outcome::kDenied,
               locked->by_address ? "address blocked for 15 minutes" : "locked for 15 minutes"});
  });
}

Result<LoginResult> Accounts::Login(const std::string& raw_username, const std::string& password,
                                    const std::string& ip) {
  std::string username = internal::NormalizeUsername(raw_username);
  if (username.empty()) return Error::Invalid("username", "请输入用户名");
  if (password.empty()) return Error::Invalid("password", "请输入密码");
  if (username.size() > 64) return Error{ErrorCode::kUnauthenticated, kBadCredentials, ""};
  auto conn = db_.Acquire();
  int64_t now = clock_.NowMs();
  RETURN_IF_ERROR(ReserveOrRefuse(*conn, audit_, username, ip, "auth.login", now));
  // The password check runs outside any write transaction: argon2id is slow by design.
  ASSIGN_OR_RETURN(auto user, internal::FindUserByName(*conn, username));
  std::string hash;
  if (user) {
    ASSIGN_OR_RETURN(auto rows,
                     conn->Query("SELECT password_hash FROM users WHERE id = ?", {user->id.value}));
    hash = rows.at(0).Text(0);
  }
  bool good = crypto::VerifyPassword(user ? hash : crypto::DummyPasswordHash(), password) && user;
  if (!good) {
    Error failure{ErrorCode::kUnauthenticated, kBadCredentials, ""};
    bool locked = false;
    RETURN_IF_ERROR(
        RecordWrongPassword(*conn, audit_, username, ip, "auth.login", now, &failure, &locked));
    return failure;
  }
  LoginResult out;
  std::optional<Error> refused;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(internal::ReleaseAttempt(*conn, username, ip, now));
    if (user->status != "active") {
      refused = Error{ErrorCode::kForbidden, "账号已停用，请联系系统管理员", ""};
      return audit_.Append(*conn, {Anonymous(username, ip), "auth.login", "user", username,
                                   audit::Outcome::kDenied, "account disabled"});
    }
    RETURN_IF_ERROR(
        conn->Exec("UPDATE users SET previous_login_at = last_login_at, last_login_at = ? "
                   "WHERE id = ?",
                   {now, user->id.value}));
    std::string csrf;
    ASSIGN_OR_RETURN(out.token, CreateSession(*conn, *user, ip, now, &csrf));
    ASSIGN_OR_RETURN(std::string must, MustChange(*conn, *user, now));
    out.principal = MakePrincipal(*user, ip, csrf, crypto::Sha256Hex(out.token), must);
    return audit_.Append(*conn, {out.principal.ToActor(), "auth.login", "user",
                                 std::to_string(user->id.value), audit::Outcome::kSuccess, ""});
  });
  if (!st.ok()) return st.take_error();
  if (refused) return *refused;
  return out;
}

// The session, its user, the user's roles (one row each) and the password policy's maximum age
// in one read through the sessions, users and user_roles keys: this runs on every
// authenticated request (docs/PERFORMANCE.md "HTTP"; each statement SQLite runs on its own is
// a read transaction with its file locks).
const storage::Columns kSessionUser(
    "s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.username, u.display_name, "
    "u.region_code, u.status, u.must_change_password, u.password_changed_at, u.bound_kind, "
    "u.bound_id, r.role, "
    "(SELECT value FROM settings WHERE key = 'password_policy.max_age_days') AS max_age_days");
constexpr const char* kSessionUserFrom =
    " FROM sessions s JOIN users u ON u.id = s.user_id "
    "LEFT JOIN user_roles r ON r.user_id = u.id WHERE s.token_hash = ? ORDER BY r.role";

// Why the user must change the password before doing anything else (see MustChange).
static std::string MustChangeOf(const storage::NamedRow& s, int64_t now) {
  if (s.Bool("must_change_password")) return "initial";
  int64_t max_age_days = PasswordPolicy{}.max_age_days;
  if (auto v = s.OptText("max_age_days")) max_age_days = std::stoll(*v);
  if (max_age_days == 0) return "";
  return now - s.Int("password_changed_at") > max_age_days * 86'400'000LL ? "expired" : "";
}

Result<Principal> Accounts::Authenticate(const std::string& token, const std::string& ip) {
  if (token.empty()) return Error{ErrorCode::kUnauthenticated, "请先登录", ""};
  std::string h = crypto::Sha256Hex(token);
  auto conn = db_.Acquire();
  int64_t now = clock_.NowMs();
  ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT " + kSessionUser.List() + kSessionUserFrom, {h}));
  if (rows.empty()) return Error{ErrorCode::kUnauthenticated, "登录已失效，请重新登录", ""};
  storage::NamedRow s(rows[0], kSessionUser);
  int64_t last_seen = s.Int("last_seen_at");
  if (now - last_seen > kIdleTimeoutMs || now - s.Int("created_at") > kAbsoluteTimeoutMs) {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE token_hash = ?", {h}));
    return Error{ErrorCode::kSessionExpired, "会话已超时，请重新登录", ""};
  }
  if (s.Text("status") != "active") return Error{ErrorCode::kUnauthenticated, "账号已停用", ""};
  User u;
  u.id = UserId{s.Int("user_id")};
  u.username = s.Text("username");
  u.display_name = s.Text("display_name");
  u.region = *RegionCode::Parse(s.Text("region_code"));
  if (auto kind = s.OptText("bound_kind")) u.binding = Binding{*kind, s.Int("bound_id")};
  for (const auto& row : rows) {
    if (auto role = storage::NamedRow(row, kSessionUser).OptText("role")) u.roles.push_back(*role);
  }
  // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (now - last_seen > 60'000) {
    RETURN_IF_ERROR(
        conn->Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, h}));
  }
  return MakePrincipal(u, ip, s.Text("csrf_token"), h, MustChangeOf(s, now));
}

Status Accounts::Logout(const Principal& who) {
  auto conn = db_.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE token_hash = ?", {who.session_hash}));
    return audit_.Append(*conn, {who.ToActor(), "auth.logout", "user", std::to_string(who.id.value),
                                 audit::Outcome::kSuccess, ""});
  });
}

// A wrong old password counts like a failed login of (username, address) — a stolen session
// cannot brute-force the real password — and the failure that locks ends all the user's
// sessions (issue 15 item 12).
static Status CheckOldPassword(storage::Connection& conn, const audit::AuditLog& audit,
                               const Principal& who, const std::string& old_password, int64_t now) {
  RETURN_IF_ERROR(ReserveOrRefuse(conn, audit, who.username, who.ip, "auth.password.change", now));
  ASSIGN_OR_RETURN(auto cur, conn.QueryOne("SELECT password_hash FROM users WHERE id = ?",
                                           {who.id.value}, "用户不存在"));
  if (crypto::VerifyPassword(cur.Text(0), old_password)) {
    return storage::InTransaction(conn, storage::TxMode::kWrite, [&] {
      return internal::ReleaseAttempt(conn, who.username, who.ip, now);
    });
  }
  Error failure = Error::Invalid("old_password", "原口令不正确");
  bool locked = false;
  RETURN_IF_ERROR(RecordWrongPassword(conn, audit, who.username, who.ip, "auth.password.change",
                                      now, &failure, &locked));
  if (locked) {
    RETURN_IF_ERROR(storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
      RETURN_IF_ERROR(conn.Exec("DELETE FROM sessions WHERE user_id = ?", {who.id.value}));
      return audit.Append(
          conn, {who.ToActor(), "auth.logout", "user", std::to_string(who.id.value),
                 audit::Outcome::kSuccess, "all sessions ended: wrong old password too often"});
    }));
  }
  return failure;
}

Result<LoginResult> Accounts::ChangePassword(const Principal& who, const std::string& old_password,
                                             const std::string& new_password) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(*conn));
  RETURN_IF_ERROR(CheckOldPassword(*conn, audit_, who, old_password, clock_.NowMs()));
  RETURN_IF_ERROR(CheckPassword(policy, who.username, new_password));
  ASSIGN_OR_RETURN(auto history,
                   conn->Query("SELECT password_hash FROM password_history WHERE user_id = ? "
                               "ORDER BY changed_at DESC LIMIT ?",
                               {who.id.value, int64_t{policy.history < 1 ? 1 : policy.history}}));
  for (const auto& h : history) {
    if (crypto::VerifyPassword(h.Text(0), new_password)) {
      return Error::Invalid("new_password",
                            "不能使用最近" + std::to_string(policy.history) + "次用过的口令");
    }
  }
  ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(new_password));
  int64_t now = clock_.NowMs();
  LoginResult out;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(
        conn->Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                   "must_change_password = 0, updated_at = ? WHERE id = ?",
                   {hash, now, now, who.id.value}));
    RETURN_IF_ERROR(
        conn->Exec("INSERT INTO password_history (user_id, password_hash, changed_at) "
                   "VALUES (?, ?, ?)",
                   {who.id.value, hash, now}));
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE user_id = ?", {who.id.value}));
    ASSIGN_OR_RETURN(User u, LoadUser(*conn, who.id));
    std::string csrf;
    ASSIGN_OR_RETURN(out.token, CreateSession(*conn, u, who.ip, now, &csrf));
    out.principal = MakePrincipal(u, who.ip, csrf, crypto::Sha256Hex(out.token), "");
    return audit_.Append(
        *conn, {who.ToActor(), "auth.password.change", "user", std::to_string(who.id.value),
                audit::Outcome::kSuccess, "all sessions ended"});
  });
  if (!st.ok()) return st.take_error();
  return out;
}

}  // namespace ruralec::account
