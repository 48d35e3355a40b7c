#include "account/internal.h"
#include "account/roles.h"

namespace ruralec::account {
namespace {

using internal::LoadUser;

const char kBadCredentials[] = "用户名或密码错误";

Error LockedError(int64_t until, int64_t now) {
  int64_t minutes = (until - now + 59'999) / 60'000;
  return {ErrorCode::kLocked,
          "登录失败次数过多，账号已锁定，请" + std::to_string(minutes) + "分钟后再试", ""};
}

audit::Actor Anonymous(const std::string& username, const std::string& ip) {
  return {{}, username, "", ip, ""};
}

}  // namespace

namespace internal {

Result<std::optional<int64_t>> LockedUntil(storage::Connection& conn, const std::string& username,
                                           int64_t now) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT locked_until FROM login_throttle WHERE username = ?", {username}));
  if (rows.empty() || rows[0].IsNull(0) || rows[0].Int(0) <= now) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

}  // namespace internal

Status Accounts::Bootstrap() {
  RETURN_IF_ERROR(crypto::Init());
  auto conn = db_.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&] { return SyncRoles(*conn); });
}

// Records a failed attempt; returns the lock expiry when this failure locks the username.
static Result<std::optional<int64_t>> RecordFailure(storage::Connection& conn,
                                                    const std::string& username, int64_t now) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT failed_count, first_failure_at FROM login_throttle "
                              "WHERE username = ?",
                              {username}));
  int64_t count = 1, first = now;
  if (!rows.empty() && now - rows[0].Int(1) < kFailureWindowMs) {
    count = rows[0].Int(0) + 1;
    first = rows[0].Int(1);
  }
  std::optional<int64_t> locked;
  if (count >= kMaxFailures) locked = now + kLockoutMs;
  storage::Value lv = locked ? storage::Value(*locked) : storage::Null{};
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO login_throttle (username, failed_count, first_failure_at, locked_until) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET failed_count = "
      "excluded.failed_count, "
      "first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until",
      {username, count, first, lv}));
  return locked;
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
  return p;
}

// Why the user must change the password before doing anything else: "initial" for a one-time
// password, "expired" past the policy's maximum age, "" when no change is due.
static Result<std::string> MustChange(storage::Connection& conn, const User& u, int64_t now) {
  if (u.must_change_password) return std::string("initial");
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(conn));
  if (policy.max_age_days == 0) return std::string();
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT password_changed_at FROM users WHERE id = ?", {u.id.value}));
  bool expired = !rows.empty() && now - rows[0].Int(0) > policy.max_age_days * 86'400'000LL;
  return std::string(expired ? "expired" : "");
}

Result<LoginResult> Accounts::Login(const std::string& raw_username, const std::string& password,
                                    const std::string& ip) {
  std::string username = internal::NormalizeUsername(raw_username);
  if (username.empty()) return Error::Invalid("username", "请输入用户名");
  if (password.empty()) return Error::Invalid("password", "请输入密码");
  if (username.size() > 64) return Error{ErrorCode::kUnauthenticated, kBadCredentials, ""};
  auto conn = db_.Acquire();
  int64_t now = clock_.NowMs();
  // The password check runs outside the write transaction: argon2id is slow by design.
  ASSIGN_OR_RETURN(auto locked, internal::LockedUntil(*conn, username, now));
  ASSIGN_OR_RETURN(auto user, internal::FindUserByName(*conn, username));
  std::string hash;
  if (user) {
    ASSIGN_OR_RETURN(auto rows,
                     conn->Query("SELECT password_hash FROM users WHERE id = ?", {user->id.value}));
    hash = rows.at(0).Text(0);
  }
  bool good = crypto::VerifyPassword(user ? hash : crypto::DummyPasswordHash(), password) && user;
  LoginResult out;
  Error failure{ErrorCode::kUnauthenticated, kBadCredentials, ""};
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    if (locked) {
      failure = LockedError(*locked, now);
      return audit_.Append(*conn, {Anonymous(username, ip), "auth.login", "user", username,
                                   audit::Outcome::kDenied, "account locked"});
    }
    if (!good) {
      ASSIGN_OR_RETURN(auto now_locked, RecordFailure(*conn, username, now));
      RETURN_IF_ERROR(audit_.Append(*conn, {Anonymous(username, ip), "auth.login", "user", username,
                                            audit::Outcome::kFailure, "bad credentials"}));
      if (now_locked) {
        failure = LockedError(*now_locked, now);
        RETURN_IF_ERROR(
            audit_.Append(*conn, {Anonymous(username, ip), "auth.lockout", "user", username,
                                  audit::Outcome::kDenied, "locked for 15 minutes"}));
      }
      return {};
    }
    if (user->status != "active") {
      failure = Error{ErrorCode::kForbidden, "账号已停用，请联系系统管理员", ""};
      return audit_.Append(*conn, {Anonymous(username, ip), "auth.login", "user", username,
                                   audit::Outcome::kDenied, "account disabled"});
    }
    RETURN_IF_ERROR(conn->Exec("DELETE FROM login_throttle WHERE username = ?", {username}));
    RETURN_IF_ERROR(
        conn->Exec("UPDATE users SET last_login_at = ? WHERE id = ?", {now, user->id.value}));
    std::string csrf;
    ASSIGN_OR_RETURN(out.token, CreateSession(*conn, *user, ip, now, &csrf));
    ASSIGN_OR_RETURN(std::string must, MustChange(*conn, *user, now));
    out.principal = MakePrincipal(*user, ip, csrf, crypto::Sha256Hex(out.token), must);
    failure.code = ErrorCode::kInternal;  // marks success
    return audit_.Append(*conn, {out.principal.ToActor(), "auth.login", "user",
                                 std::to_string(user->id.value), audit::Outcome::kSuccess, ""});
  });
  if (!st.ok()) return st.take_error();
  if (failure.code != ErrorCode::kInternal) return failure;
  return out;
}

Result<Principal> Accounts::Authenticate(const std::string& token, const std::string& ip) {
  if (token.empty()) return Error{ErrorCode::kUnauthenticated, "请先登录", ""};
  std::string h = crypto::Sha256Hex(token);
  auto conn = db_.Acquire();
  int64_t now = clock_.NowMs();
  ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT user_id, csrf_token, created_at, last_seen_at "
                                          "FROM sessions WHERE token_hash = ?",
                                          {h}));
  if (rows.empty()) return Error{ErrorCode::kUnauthenticated, "登录已失效，请重新登录", ""};
  const auto& s = rows[0];
  if (now - s.Int(3) > kIdleTimeoutMs || now - s.Int(2) > kAbsoluteTimeoutMs) {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE token_hash = ?", {h}));
    return Error{ErrorCode::kSessionExpired, "会话已超时，请重新登录", ""};
  }
  ASSIGN_OR_RETURN(User u, LoadUser(*conn, UserId{s.Int(0)}));
  if (u.status != "active") return Error{ErrorCode::kUnauthenticated, "账号已停用", ""};
  // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (now - s.Int(3) > 60'000) {
    RETURN_IF_ERROR(
        conn->Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, h}));
  }
  ASSIGN_OR_RETURN(std::string must, MustChange(*conn, u, now));
  return MakePrincipal(u, ip, s.Text(1), h, must);
}

Status Accounts::Logout(const Principal& who) {
  auto conn = db_.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE token_hash = ?", {who.session_hash}));
    return audit_.Append(*conn, {who.ToActor(), "auth.logout", "user", std::to_string(who.id.value),
                                 audit::Outcome::kSuccess, ""});
  });
}

Result<LoginResult> Accounts::ChangePassword(const Principal& who, const std::string& old_password,
                                             const std::string& new_password) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(*conn));
  ASSIGN_OR_RETURN(auto cur, conn->QueryOne("SELECT password_hash FROM users WHERE id = ?",
                                            {who.id.value}, "用户不存在"));
  if (!crypto::VerifyPassword(cur.Text(0), old_password)) {
    return Error::Invalid("old_password", "原口令不正确");
  }
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
