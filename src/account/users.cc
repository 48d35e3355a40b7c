#include <algorithm>
#include <cctype>

#include "account/bound.h"
#include "account/internal.h"
#include "account/roles.h"
#include "account/stamp.h"
#include "core/validate.h"
#include "region/region.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::account {
namespace {

using storage::Params;
using storage::Row;

const storage::Columns kUser(
    "u.id, u.username, u.display_name, u.region_code, u.status, "
    "u.must_change_password, u.mobile_masked, u.last_login_at, u.previous_login_at, u.created_at, "
    "(SELECT MAX(a.locked_until) FROM auth_throttle a "
    "WHERE a.username = u.username AND a.kind IN ('user', 'pair')) AS locked_until, "
    "u.bound_kind, u.bound_id");
// The lock is a correlated lookup through auth_throttle's username index: a joined GROUP BY
// over the whole throttle table was materialised on every read of a user (every request's
// authentication), and grew with every failed login anyone made.
constexpr const char* kUserFrom = "FROM users u ";

User ToUser(const Row& row) {
  storage::NamedRow r(row, kUser);
  User u;
  u.id = UserId{r.Int("id")};
  u.username = r.Text("username");
  u.display_name = r.Text("display_name");
  u.region = *RegionCode::Parse(r.Text("region_code"));
  u.status = r.Text("status");
  u.must_change_password = r.Bool("must_change_password");
  u.mobile_masked = r.OptText("mobile_masked");
  u.last_login_at = r.OptInt("last_login_at");
  u.previous_login_at = r.OptInt("previous_login_at");
  u.created_at = r.Int("created_at");
  u.locked_until = r.OptInt("locked_until");
  if (auto kind = r.OptText("bound_kind")) u.binding = Binding{*kind, r.Int("bound_id")};
  return u;
}

// region_name of each user, in one read of the region module (region::NamesOf).
Status NameRegions(storage::Connection& conn, std::vector<User>& users) {
  std::vector<std::string> codes;
  for (const auto& u : users) codes.push_back(u.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, std::move(codes)));
  for (auto& u : users) {
    auto it = names.find(u.region.str());
    u.region_name = it == names.end() ? "" : it->second;
  }
  return {};
}

Status ValidateUsername(const std::string& name) {
  if (name.size() < 3 || name.size() > 32)
    return Error::Invalid("username", "用户名长度应为3到32个字符");
  for (char c : name) {
    if (!std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') {
      return Error::Invalid("username", "用户名只能包含小写字母、数字、下划线、点和连字符");
    }
  }
  return {};
}

// A person's name as shown everywhere (issue 15 items 16, 17).
Result<std::string> CleanDisplayName(std::string_view name) {
  return validate::ValidateText(name, {"display_name", "姓名", internal::kMaxDisplayNameChars});
}

Result<RegionCode> ScopedRegion(storage::Connection& conn, const Principal* who,
                                const std::string& text) {
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return code.take_error();
  if (who && !who->InScope(*code)) return Error::Forbidden("不能把用户分配到您管辖范围以外的区划");
  ASSIGN_OR_RETURN(bool stored, region::Exists(conn, *code));
  if (!stored)
    return Error::Invalid("region_code", "区划 " + code->str() + " 不存在，请先导入区划");
  return *code;
}

bool HoldsAdminRole(const std::vector<std::string>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](const auto& r) { return IsAdminRole(r); });
}

// Role changes: exclusivity, no self-change. 三员分立: a change that adds or removes an admin
// role is the security admin's alone (user:role:grant_admin) and may swap the business roles
// with it; a change of business roles only needs user:edit (user:create when creating). The
// command line (who == nullptr) may do all.
Status CheckRoleGrant(const Principal* who, const std::vector<std::string>& before,
                      const std::vector<std::string>& after, UserId target) {
  RETURN_IF_ERROR(ValidateRoleSet(after));
  if (!who) return {};
  if (target.valid() && who->id == target) return Error::Forbidden("不能修改自己的角色");
  auto missing_from = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& r : a)
      if (IsAdminRole(r) && std::find(b.begin(), b.end(), r) == b.end()) return true;
    return false;
  };
  if (target.valid()) {
    auto bound = [](const std::vector<std::string>& roles) {
      return std::any_of(roles.begin(), roles.end(), [](const auto& r) { return BindingOf(r); });
    };
    if ((bound(before) || bound(after)) && before != after)
      return Error::Invalid("roles",
                            "绑定对象的账号（如经营主体账号）不能改换角色：请停用此账号，"
                            "再为对象开通新账号");
  }
  if (missing_from(after, before) || missing_from(before, after)) {
    if (!who->Can("user:role:grant_admin"))
      return Error::Forbidden("授予或撤销三员角色只能由安全管理员进行");
    return {};
  }
  bool bound_create =
      !target.valid() && after.size() == 1 && BindingOf(after[0]) && who->Can("user:create:bound");
  if (before != after && !who->Can("user:edit") && !who->Can("user:create") && !bound_create)
    return Error::Forbidden("无权分配业务角色");
  return {};
}

// 三员分立: an account holding an admin role is managed (password reset, unlock, disable or
// enable, edit, role change) by the security admin alone; any other account by the system
// admin (user:edit), except unlocking, which is the security admin's for every account.
Status CheckManages(const Principal& who, const User& target, bool unlock = false) {
  if (HoldsAdminRole(target.roles)) {
    if (!who.Can("user:role:grant_admin"))
      return Error::Forbidden("三员账号只能由安全管理员重置口令、解锁、停用或修改");
    return {};
  }
  if (!unlock && !who.Can("user:edit"))
    return Error::Forbidden("业务账号由系统管理员管理，您无权执行此操作");
  return {};
}

// Loads a user the caller may see: one outside the caller's scope answers exactly like a
// missing one (no existence oracle across scopes).
Result<User> LoadVisible(storage::Connection& conn, const Principal& who, UserId id) {
  auto u = internal::LoadUser(conn, id);
  if (!u.ok() && u.error().code != ErrorCode::kNotFound) return u.take_error();
  if (!u.ok() || !who.InScope(u->region)) return Error::NotFound("用户不存在");
  return u;
}

Status WriteRoles(storage::Connection& conn, UserId id, const RegionCode& region,
                  const std::vector<std::string>& roles) {
  RETURN_IF_ERROR(conn.Exec("DELETE FROM user_roles WHERE user_id = ?", {id.value}));
  for (const auto& r : roles) {
    RETURN_IF_ERROR(
        conn.Exec("INSERT INTO user_roles (user_id, role, county_code) VALUES (?, ?, ?)",
                  {id.value, r, region.county().str()}));
  }
  return {};
}

// Granting an admin role to an account that held none replaces its password with one nobody
// knows and ends its sessions: whoever knew the old one (the system admin saw its one-time
// password) must not act as an administrator. The security admin then issues a one-time
// password with a reset.
Status SealPromotedAccount(storage::Connection& conn, UserId id, const std::string& hash,
                           int64_t now) {
  RETURN_IF_ERROR(
      conn.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                "must_change_password = 1 WHERE id = ?",
                {hash, now, id.value}));
  RETURN_IF_ERROR(conn.Exec("DELETE FROM sessions WHERE user_id = ?", {id.value}));
  return {};
}

std::vector<std::string> Dedup(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

namespace internal {

Result<std::vector<std::string>> LoadRoles(storage::Connection& conn, UserId id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {id.value}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<User> LoadUser(storage::Connection& conn, UserId id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kUser.List() + " " + kUserFrom + "WHERE u.id = ?", {id.value}));
  if (rows.empty()) return Error::NotFound("用户不存在");
  std::vector<User> one{ToUser(rows[0])};
  RETURN_IF_ERROR(NameRegions(conn, one));
  User& u = one[0];
  ASSIGN_OR_RETURN(u.roles, LoadRoles(conn, u.id));
  return std::move(u);
}

Result<std::optional<User>> FindUserByName(storage::Connection& conn, const std::string& username) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id FROM users WHERE username = ?", {username}));
  if (rows.empty()) return std::optional<User>();
  ASSIGN_OR_RETURN(User u, LoadUser(conn, UserId{rows[0].Int(0)}));
  return std::optional<User>(std::move(u));
}

std::set<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& name : roles) {
    if (const RoleDef* r = FindRole(name)) out.insert(r->permissions.begin(), r->permissions.end());
  }
  return out;
}

std::string NormalizeUsername(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Status RequirePermission(const Principal& who, std::string_view perm) {
  if (!who.Can(perm))
    return Error::Forbidden("您没有执行此操作的权限（" + std::string(perm) + "）");
  return {};
}

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string s;
  for (const auto& r : roles) s += (s.empty() ? "" : ",") + r;
  return s;
}

}  // namespace internal

using internal::JoinRoles;
using internal::LoadUser;
using internal::RequirePermission;

audit::Actor Principal::ToActor() const {
  return {id.value, username, JoinRoles(roles), ip, region.str()};
}

storage::Stamp StampOf(const Principal& who, int64_t now_ms) {
  return {who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt, now_ms};
}

audit::Entry AuditOf(const Principal& who, std::string action, std::string type, int64_t id,
                     std::string detail) {
  return {who.ToActor(),      std::move(action),        std::move(type),
          std::to_string(id), audit::Outcome::kSuccess, std::move(detail)};
}

// A bound role's user needs its object; no other user has one (issue 15 item 4).
Result<const RoleBinding*> CheckBinding(const std::vector<std::string>& roles,
                                        const std::optional<Binding>& b) {
  const RoleBinding* rb = nullptr;
  for (const auto& r : roles)
    if (const RoleBinding* x = BindingOf(r)) rb = x;
  if (!rb && b) return Error::Invalid("binding", "只有经营主体等对象账号才能绑定对象");
  if (rb && (!b || b->kind != rb->kind || b->id <= 0))
    return Error::Invalid("binding",
                          FindRole(rb->role)->label + "账号须绑定一个对象（" + rb->kind + "）");
  return rb;
}

// user:create, or user:create:bound for an account of one bound role (county and town staff
// open a business's account from its page).
Status RequireCreate(const Principal& who, const std::vector<std::string>& roles) {
  if (who.Can("user:create")) return {};
  if (roles.size() == 1 && BindingOf(roles[0]) && who.Can("user:create:bound")) return {};
  return RequirePermission(who, "user:create");
}

Result<CreatedUser> Accounts::CreateUser(const Principal* who, const NewUser& in) {
  if (who) RETURN_IF_ERROR(RequireCreate(*who, Dedup(in.roles)));
  std::string username = internal::NormalizeUsername(in.username);
  RETURN_IF_ERROR(ValidateUsername(username));
  std::string display = username;
  if (!in.display_name.empty()) {
    ASSIGN_OR_RETURN(display, CleanDisplayName(in.display_name));
  }
  std::vector<std::string> roles = Dedup(in.roles);
  RETURN_IF_ERROR(CheckRoleGrant(who, {}, roles, UserId{}));
  ASSIGN_OR_RETURN(const RoleBinding* bound, CheckBinding(roles, in.binding));
  if (in.mobile && !in.mobile->empty()) RETURN_IF_ERROR(validate::Mobile(*in.mobile));
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(*conn));
  std::string password = in.password ? *in.password : internal::GeneratePassword(policy);
  if (in.password) RETURN_IF_ERROR(CheckPassword(policy, username, password));
  ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(password));
  int64_t now = clock_.NowMs();
  CreatedUser out;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(RegionCode region, ScopedRegion(*conn, who, in.region_code));
    if (bound) RETURN_IF_ERROR(bound->check(*conn, region, in.binding->id));
    ASSIGN_OR_RETURN(auto exists,
                     conn->Query("SELECT 1 FROM users WHERE username = ?", {username}));
    if (!exists.empty()) return Error::Conflict("用户名 " + username + " 已存在", "username");
    storage::Value enc = storage::Null{}, bidx = storage::Null{}, masked = storage::Null{};
    if (in.mobile && !in.mobile->empty()) {
      enc = cipher_.Encrypt(*in.mobile, "users.mobile");
      bidx = cipher_.BlindIndex(*in.mobile, "users.mobile");
      masked = crypto::MaskMobile(*in.mobile);
    }
    ASSIGN_OR_RETURN(
        Row row,
        conn->QueryOne(
            "INSERT INTO users (username, display_name, region_code, county_code, password_hash, "
            "password_changed_at, must_change_password, mobile_enc, mobile_bidx, mobile_masked, "
            "created_at, updated_at, bound_kind, bound_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {username, display, region.str(), region.county().str(), hash, now,
             int64_t{in.must_change || !in.password ? 1 : 0}, enc, bidx, masked, now, now,
             bound ? storage::Value(bound->kind) : storage::Value(storage::Null{}),
             bound ? storage::Value(in.binding->id) : storage::Value(storage::Null{})},
            "insert"));
    UserId id{row.Int(0)};
    RETURN_IF_ERROR(WriteRoles(*conn, id, region, roles));
    RETURN_IF_ERROR(
        conn->Exec("INSERT INTO password_history (user_id, password_hash, changed_at) "
                   "VALUES (?, ?, ?)",
                   {id.value, hash, now}));
    ASSIGN_OR_RETURN(out.user, LoadUser(*conn, id));
    audit::Actor actor = who ? who->ToActor() : audit::Actor{{}, "cli", "operator", "local", ""};
    return audit_.Append(
        *conn, {actor, "user.create", "user", std::to_string(id.value), audit::Outcome::kSuccess,
                "username=" + username + " roles=" + JoinRoles(roles) + " region=" + region.str() +
                    (bound ? " bound=" + bound->kind + ":" + std::to_string(in.binding->id) : "")});
  });
  if (!st.ok()) return st.take_error();
  if (!in.password) out.initial_password = password;
  return out;
}

Result<User> Accounts::GetUser(const Principal& who, UserId id) {
  RETURN_IF_ERROR(RequirePermission(who, "user:read"));
  auto conn = db_.Acquire();
  return LoadVisible(*conn, who, id);
}

Result<User> Accounts::Self(const Principal& who) {
  auto conn = db_.Acquire();
  return LoadUser(*conn, who.id);
}

Result<Page<User>> Accounts::ListUsers(const Principal& who, const UserFilter& f,
                                       const PageRequest& page) {
  RETURN_IF_ERROR(RequirePermission(who, "user:read"));
  storage::Where where;
  where.InSubtree("u.region_code", who.region)
      .ContainsIf({"u.username", "u.display_name"}, f.q)
      .EqIf("u.status", f.status);
  if (!f.role.empty()) {
    where.Sql("EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = ?)",
              {f.role});
  }
  if (!f.region_code.empty()) {
    ASSIGN_OR_RETURN(RegionCode rc, RegionCode::Parse(f.region_code));
    where.InSubtree("u.region_code", rc);
  }
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "u.id"},
                                                        {"username", "u.username"},
                                                        {"display_name", "u.display_name"},
                                                        {"region_code", "u.region_code"},
                                                        {"status", "u.status"},
                                                        {"created_at", "u.created_at"},
                                                        {"last_login_at", "u.last_login_at"}},
                                                       "u.id"));
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(Page<User> out,
                   storage::QueryPage<User>(*conn, kUser.List(), kUserFrom, where, order, page,
                                            [&](const Row& row) -> Result<User> {
                                              User u = ToUser(row);
                                              ASSIGN_OR_RETURN(u.roles,
                                                               internal::LoadRoles(*conn, u.id));
                                              return u;
                                            }));
  RETURN_IF_ERROR(NameRegions(*conn, out.items));
  return out;
}

Result<User> Accounts::UpdateUser(const Principal& who, UserId id, const UserUpdate& upd) {
  bool admin_manager = who.Can("user:role:grant_admin");
  if (!admin_manager) RETURN_IF_ERROR(RequirePermission(who, "user:edit"));
  if (upd.mobile && !upd.mobile->empty()) RETURN_IF_ERROR(validate::Mobile(*upd.mobile));
  std::string sealed;  // argon2id is slow: hash before taking the write lock
  if (upd.roles && HoldsAdminRole(*upd.roles)) {
    ASSIGN_OR_RETURN(sealed, crypto::HashPassword(crypto::RandomToken(32)));
  }
  auto conn = db_.Acquire();
  return storage::InTransaction<User>(*conn, storage::TxMode::kWrite, [&]() -> Result<User> {
    ASSIGN_OR_RETURN(User before, LoadVisible(*conn, who, id));
    // The security admin edits admin accounts, and changes the roles of others only to grant an
    // admin role (checked by CheckRoleGrant); every other edit is the system admin's.
    bool roles_only = upd.roles && !upd.display_name && !upd.region_code && !upd.mobile;
    if (HoldsAdminRole(before.roles) || !roles_only) RETURN_IF_ERROR(CheckManages(who, before));
    RegionCode region = before.region;
    if (upd.region_code) {
      ASSIGN_OR_RETURN(region, ScopedRegion(*conn, &who, *upd.region_code));
    }
    std::vector<std::string> roles = upd.roles ? Dedup(*upd.roles) : before.roles;
    if (upd.roles) RETURN_IF_ERROR(CheckRoleGrant(&who, before.roles, roles, id));
    std::string display = before.display_name;
    if (upd.display_name) {
      ASSIGN_OR_RETURN(display, CleanDisplayName(*upd.display_name));
    }
    int64_t now = clock_.NowMs();
    RETURN_IF_ERROR(
        conn->Exec("UPDATE users SET display_name = ?, region_code = ?, county_code = ?, "
                   "updated_at = ? WHERE id = ?",
                   {display, region.str(), region.county().str(), now, id.value}));
    if (upd.mobile) {
      bool clear = upd.mobile->empty();
      storage::Value enc =
          clear ? storage::Value(storage::Null{}) : cipher_.Encrypt(*upd.mobile, "users.mobile");
      storage::Value bidx =
          clear ? storage::Value(storage::Null{}) : cipher_.BlindIndex(*upd.mobile, "users.mobile");
      storage::Value masked =
          clear ? storage::Value(storage::Null{}) : crypto::MaskMobile(*upd.mobile);
      RETURN_IF_ERROR(
          conn->Exec("UPDATE users SET mobile_enc = ?, mobile_bidx = ?, mobile_masked = ? "
                     "WHERE id = ?",
                     {enc, bidx, masked, id.value}));
    }
    RETURN_IF_ERROR(WriteRoles(*conn, id, region, roles));
    if (!HoldsAdminRole(before.roles) && HoldsAdminRole(roles))
      RETURN_IF_ERROR(SealPromotedAccount(*conn, id, sealed, now));
    ASSIGN_OR_RETURN(User after, LoadUser(*conn, id));
    RETURN_IF_ERROR(audit_.Append(
        *conn, {who.ToActor(), upd.roles ? "user.roles.update" : "user.update", "user",
                std::to_string(id.value), audit::Outcome::kSuccess,
                "before: roles=" + JoinRoles(before.roles) + " region=" + before.region.str() +
                    " name=" + before.display_name + "; after: roles=" + JoinRoles(after.roles) +
                    " region=" + after.region.str() + " name=" + after.display_name}));
    return after;
  });
}

Result<User> Accounts::SetStatus(const Principal& who, UserId id, bool active) {
  RETURN_IF_ERROR(RequirePermission(who, "user:disable"));
  if (who.id == id) return Error::Forbidden("不能停用或启用自己的账号");
  auto conn = db_.Acquire();
  return storage::InTransaction<User>(*conn, storage::TxMode::kWrite, [&]() -> Result<User> {
    ASSIGN_OR_RETURN(User before, LoadVisible(*conn, who, id));
    RETURN_IF_ERROR(CheckManages(who, before));
    const char* status = active ? "active" : "disabled";
    RETURN_IF_ERROR(conn->Exec("UPDATE users SET status = ?, updated_at = ? WHERE id = ?",
                               {status, clock_.NowMs(), id.value}));
    if (!active) RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE user_id = ?", {id.value}));
    RETURN_IF_ERROR(audit_.Append(
        *conn,
        {who.ToActor(), active ? "user.enable" : "user.disable", "user", std::to_string(id.value),
         audit::Outcome::kSuccess, "before=" + before.status + " after=" + status}));
    return LoadUser(*conn, id);
  });
}

Result<std::string> Accounts::ResetPassword(const Principal& who, UserId id) {
  RETURN_IF_ERROR(RequirePermission(who, "user:reset_password"));
  if (who.id == id) return Error::Forbidden("请在个人中心修改自己的口令");
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(PasswordPolicy policy, internal::LoadPolicy(*conn));
  std::string password = internal::GeneratePassword(policy);
  ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(password));
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(User u, LoadVisible(*conn, who, id));
    RETURN_IF_ERROR(CheckManages(who, u));
    int64_t now = clock_.NowMs();
    RETURN_IF_ERROR(
        conn->Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                   "must_change_password = 1, updated_at = ? WHERE id = ?",
                   {hash, now, now, id.value}));
    RETURN_IF_ERROR(conn->Exec("DELETE FROM sessions WHERE user_id = ?", {id.value}));
    return audit_.Append(*conn,
                         {who.ToActor(), "user.password.reset", "user", std::to_string(id.value),
                          audit::Outcome::kSuccess, "one-time password issued"});
  });
  if (!st.ok()) return st.take_error();
  return password;
}

Result<User> Accounts::Unlock(const Principal& who, UserId id) {
  RETURN_IF_ERROR(RequirePermission(who, "user:unlock"));
  auto conn = db_.Acquire();
  return storage::InTransaction<User>(*conn, storage::TxMode::kWrite, [&]() -> Result<User> {
    ASSIGN_OR_RETURN(User u, LoadVisible(*conn, who, id));
    RETURN_IF_ERROR(CheckManages(who, u, /*unlock=*/true));
    // Lifts the username's locks from every address (address blocks expire on their own).
    RETURN_IF_ERROR(conn->Exec("DELETE FROM auth_throttle WHERE username = ?", {u.username}));
    RETURN_IF_ERROR(audit_.Append(*conn, {who.ToActor(), "user.unlock", "user",
                                          std::to_string(id.value), audit::Outcome::kSuccess, ""}));
    return LoadUser(*conn, id);
  });
}

Result<std::string> Accounts::RevealMobile(const Principal& who, UserId id) {
  RETURN_IF_ERROR(RequirePermission(who, "user:read"));
  auto conn = db_.Acquire();
  return storage::InTransaction<std::string>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<std::string> {
        RETURN_IF_ERROR(LoadVisible(*conn, who, id));
        ASSIGN_OR_RETURN(Row row, conn->QueryOne("SELECT mobile_enc FROM users WHERE id = ?",
                                                 {id.value}, "用户不存在"));
        if (row.IsNull(0)) return Error::NotFound("该用户未登记手机号");
        ASSIGN_OR_RETURN(std::string mobile, cipher_.Decrypt(row.Text(0), "users.mobile"));
        RETURN_IF_ERROR(audit_.Append(
            *conn, {who.ToActor(), "pii.view", "user.mobile", std::to_string(id.value),
                    audit::Outcome::kSuccess, "viewed unmasked mobile"}));
        return mobile;
      });
}

Result<std::map<int64_t, UserLabel>> UserLabels(storage::Connection& conn,
                                                const std::vector<int64_t>& ids) {
  std::vector<int64_t> unique = ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  std::map<int64_t, UserLabel> out;
  constexpr size_t kChunk = 500;  // bound the number of bound parameters per statement
  for (size_t i = 0; i < unique.size(); i += kChunk) {
    size_t n = std::min(kChunk, unique.size() - i);
    std::string sql = "SELECT id, username, display_name FROM users WHERE id IN (?";
    for (size_t k = 1; k < n; ++k) sql += ", ?";
    Params p(unique.begin() + static_cast<std::ptrdiff_t>(i),
             unique.begin() + static_cast<std::ptrdiff_t>(i + n));
    ASSIGN_OR_RETURN(auto rows, conn.Query(sql + ")", p));
    for (const auto& r : rows) out[r.Int(0)] = {r.Text(1), r.Text(2)};
  }
  return out;
}

Result<std::vector<UserLabel>> UsersBoundTo(storage::Connection& conn, std::string_view kind,
                                            int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT username, display_name FROM users WHERE "
                                         "bound_kind = ? AND bound_id = ? AND status = 'active' "
                                         "ORDER BY username",
                                         {std::string(kind), id}));
  std::vector<UserLabel> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<bool> HoldsPermissionNow(storage::Connection& conn, int64_t user_id,
                                const std::string& permission) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOne("SELECT COUNT(*) FROM users u JOIN user_roles ur ON ur.user_id "
                                 "= u.id JOIN role_permissions rp ON rp.role = ur.role WHERE "
                                 "u.id = ? AND u.status = 'active' AND rp.permission = ?",
                                 {user_id, permission}, "user"));
  return row.Int(0) > 0;
}

Result<bool> HasUsers(storage::Connection& conn) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM users LIMIT 1"));
  return !rows.empty();
}

Result<Principal> PrincipalFor(storage::Connection& conn, const std::string& username) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, display_name, region_code, bound_kind, "
                                         "bound_id FROM users "
                                         "WHERE username = ? AND status = 'active'",
                                         {username}));
  if (rows.empty()) return Error::NotFound("用户 " + username + " 不存在或已停用");
  Principal p;
  p.id = UserId{rows[0].Int(0)};
  p.username = username;
  p.display_name = rows[0].Text(1);
  ASSIGN_OR_RETURN(p.region, RegionCode::Parse(rows[0].Text(2)));
  if (auto kind = rows[0].OptText(3)) p.binding = Binding{*kind, rows[0].Int(4)};
  ASSIGN_OR_RETURN(auto roles, conn.Query("SELECT role FROM user_roles WHERE user_id = ? "
                                          "ORDER BY role",
                                          {p.id.value}));
  for (const auto& r : roles) {
    p.roles.push_back(r.Text(0));
    if (const RoleDef* def = FindRole(r.Text(0)))
      p.permissions.insert(def->permissions.begin(), def->permissions.end());
  }
  p.ip = "cli";
  return p;
}

}  // namespace ruralec::account
