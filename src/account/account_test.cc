#include "account/account.h"

#include <gtest/gtest.h>

#include "account/internal.h"
#include "account/module.h"
#include "account/roles.h"
#include "region/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::account {
namespace {

constexpr char kPw[] = "Sturdy-Passw0rd!";

class AccountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        runtime::testing::InstallGrants({&account::ModuleDef(), &region::ModuleDef()}).ok());
    ASSERT_TRUE(crypto::Init().ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    ASSERT_TRUE(accounts_.Bootstrap().ok());
  }
  UserId Add(const std::string& name, const std::string& role, const std::string& region,
             bool must_change = false) {
    auto r =
        accounts_.CreateUser(nullptr, {name, name, {role}, region, std::nullopt, kPw, must_change});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->user.id : UserId{};
  }
  Principal LoginAs(const std::string& name) {
    auto r = accounts_.Login(name, kPw, "127.0.0.1");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->principal : Principal{};
  }
  int64_t AuditCount(const std::string& action) {
    auto c = tdb_.db().Acquire();
    return c->Query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action})->at(0).Int(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  Accounts accounts_{tdb_.db(), clock_, cipher_, audit_};
};

TEST_F(AccountTest, UnknownUserAndWrongPasswordGetTheSameAnswer) {
  Add("alice", "county_staff", "341302");
  auto wrong = accounts_.Login("alice", "Wrong-Passw0rd!", "1.2.3.4");
  auto unknown = accounts_.Login("nobody", "Wrong-Passw0rd!", "1.2.3.4");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(AuditCount("auth.login"), 2);
}

TEST_F(AccountTest, FiveFailuresLockForFifteenMinutes) {
  Add("bob", "town_staff", "341302100");
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(accounts_.Login("bob", "nope-nope-nope", "ip").error().code,
              ErrorCode::kUnauthenticated);
    clock_.Advance(60'000);
  }
  EXPECT_EQ(accounts_.Login("bob", "nope-nope-nope", "ip").error().code, ErrorCode::kLocked);
  // Even the right password is refused while locked.
  EXPECT_EQ(accounts_.Login("bob", kPw, "ip").error().code, ErrorCode::kLocked);
  EXPECT_EQ(AuditCount("auth.lockout"), 1);
  clock_.Advance(kLockoutMs - 1000);
  EXPECT_EQ(accounts_.Login("bob", kPw, "ip").error().code, ErrorCode::kLocked);
  clock_.Advance(2000);
  EXPECT_TRUE(accounts_.Login("bob", kPw, "ip").ok());
}

TEST_F(AccountTest, FailuresOutsideTheWindowDoNotLock) {
  Add("carl", "town_staff", "341302100");
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(accounts_.Login("carl", "nope-nope-nope", "ip").error().code,
              ErrorCode::kUnauthenticated);
    clock_.Advance(4 * 60'000);  // 4 failures per 16 minutes
  }
  EXPECT_TRUE(accounts_.Login("carl", kPw, "ip").ok());
}

TEST_F(AccountTest, UnknownUsernamesLockToo) {
  for (int i = 0; i < 4; ++i) (void)accounts_.Login("ghost", "nope-nope-nope", "ip");
  EXPECT_EQ(accounts_.Login("ghost", "nope-nope-nope", "ip").error().code, ErrorCode::kLocked);
}

TEST_F(AccountTest, SessionsExpireWhenIdleAndAbsolutely) {
  Add("dora", "county_staff", "341302");
  auto login = accounts_.Login("dora", kPw, "ip");
  ASSERT_TRUE(login.ok());
  clock_.Advance(kIdleTimeoutMs - 1000);
  EXPECT_TRUE(accounts_.Authenticate(login->token, "ip").ok());
  clock_.Advance(kIdleTimeoutMs + 1000);
  EXPECT_EQ(accounts_.Authenticate(login->token, "ip").error().code, ErrorCode::kSessionExpired);
  // Active all the time: still ends at 12 hours.
  auto again = accounts_.Login("dora", kPw, "ip");
  for (int64_t t = 0; t < kAbsoluteTimeoutMs - 20 * 60'000; t += 20 * 60'000) {
    clock_.Advance(20 * 60'000);
    ASSERT_TRUE(accounts_.Authenticate(again->token, "ip").ok());
  }
  clock_.Advance(40 * 60'000 - 1);
  clock_.Advance(2);
  auto late = accounts_.Authenticate(again->token, "ip");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kSessionExpired);
}

TEST_F(AccountTest, LogoutAndPasswordChangeEndSessions) {
  Add("erin", "county_staff", "341302");
  auto a = accounts_.Login("erin", kPw, "ip");
  auto b = accounts_.Login("erin", kPw, "ip");
  ASSERT_TRUE(accounts_.Logout(a->principal).ok());
  EXPECT_FALSE(accounts_.Authenticate(a->token, "ip").ok());
  EXPECT_TRUE(accounts_.Authenticate(b->token, "ip").ok());
  auto changed = accounts_.ChangePassword(b->principal, kPw, "Another-Passw0rd!");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_FALSE(accounts_.Authenticate(b->token, "ip").ok());
  EXPECT_TRUE(accounts_.Authenticate(changed->token, "ip").ok());
  EXPECT_FALSE(accounts_.Login("erin", kPw, "ip").ok());
  // Reusing a recent password is refused.
  auto reuse = accounts_.ChangePassword(changed->principal, "Another-Passw0rd!", kPw);
  ASSERT_FALSE(reuse.ok());
  EXPECT_EQ(reuse.error().field, "new_password");
}

TEST_F(AccountTest, FirstLoginForcesAChange) {
  auto created = accounts_.CreateUser(nullptr, {"fay", "Fay", {"town_staff"}, "341302100"});
  ASSERT_TRUE(created.ok());
  ASSERT_FALSE(created->initial_password.empty());
  EXPECT_TRUE(CheckPassword(PasswordPolicy{}, "fay", created->initial_password).ok());
  auto login = accounts_.Login("fay", created->initial_password, "ip");
  ASSERT_TRUE(login.ok());
  EXPECT_TRUE(login->principal.must_change_password);
  auto changed = accounts_.ChangePassword(login->principal, created->initial_password, kPw);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->principal.must_change_password);
}

TEST_F(AccountTest, PasswordPolicy) {
  PasswordPolicy p;
  EXPECT_FALSE(CheckPassword(p, "xyz", "Short1!").ok());
  EXPECT_FALSE(CheckPassword(p, "xyz", "alllowercaseletters").ok());
  EXPECT_TRUE(CheckPassword(p, "xyz", "Lower-and-UPPER").ok());
  EXPECT_FALSE(CheckPassword(p, "admin", "xxAdmin-admin-1").ok());
  p.min_length = 8;  // below the floor: 12 still applies
  EXPECT_FALSE(CheckPassword(p, "xyz", "Ab1!Ab1!x").ok());
}

TEST_F(AccountTest, ThreeAdminRolesAreExclusive) {
  auto both = accounts_.CreateUser(
      nullptr, {"gil", "Gil", {"system_admin", "audit_admin"}, "341302", {}, kPw, false});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "roles");
  UserId sys = Add("sys", "system_admin", "341302");
  UserId sec = Add("sec", "security_admin", "341302");
  Principal psys = LoginAs("sys");
  Principal psec = LoginAs("sec");
  UserId staff = Add("hal", "county_staff", "341302");
  // The system admin cannot grant an admin role; the security admin can, but not a second one.
  EXPECT_EQ(accounts_.UpdateUser(psys, staff, {.roles = std::vector<std::string>{"audit_admin"}})
                .error()
                .code,
            ErrorCode::kForbidden);
  EXPECT_EQ(accounts_
                .UpdateUser(psec, sys,
                            {.roles = std::vector<std::string>{"security_admin", "system_admin"}})
                .error()
                .field,
            "roles");
  EXPECT_EQ(accounts_.UpdateUser(psys, sys, {.roles = std::vector<std::string>{"county_staff"}})
                .error()
                .code,
            ErrorCode::kForbidden);  // not on oneself
  (void)psec;
  EXPECT_EQ(accounts_.GetUser(LoginAs("sec"), staff)->username, "hal");
}

TEST_F(AccountTest, ScopeLimitsUserManagement) {
  Add("townadmin", "system_admin", "341302100");
  Principal p = LoginAs("townadmin");
  UserId sibling = Add("sib", "town_staff", "341302101");
  // Out of scope answers exactly like a missing user: no existence oracle (issue 15 item 14).
  auto hidden = accounts_.GetUser(p, sibling);
  auto missing = accounts_.GetUser(p, UserId{999999});
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().message, missing.error().message);
  EXPECT_EQ(accounts_.RevealMobile(p, sibling).error().code, ErrorCode::kNotFound);
  auto out = accounts_.CreateUser(&p, {"newbie", "N", {"town_staff"}, "341302101"});
  EXPECT_EQ(out.error().code, ErrorCode::kForbidden);
  auto in = accounts_.CreateUser(&p, {"newbie", "N", {"town_staff"}, "341302100201"});
  EXPECT_TRUE(in.ok());
  auto list = accounts_.ListUsers(p, {}, {});
  ASSERT_TRUE(list.ok());
  for (const auto& u : list->items) EXPECT_TRUE(p.region.Contains(u.region)) << u.username;
  EXPECT_EQ(list->total, 2);
}

TEST_F(AccountTest, MobileIsEncryptedMaskedAndRevealIsAudited) {
  UserId id = Add("sys2", "system_admin", "341302");
  auto created = accounts_.CreateUser(
      nullptr, {"ivy", "Ivy", {"town_staff"}, "341302100", "13800138000", kPw, false});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->user.mobile_masked, "138****8000");
  auto c = tdb_.db().Acquire();
  auto raw = c->Query("SELECT mobile_enc FROM users WHERE username = 'ivy'");
  EXPECT_EQ(raw->at(0).Text(0).find("13800138000"), std::string::npos);
  (void)id;
  Principal p = LoginAs("sys2");
  EXPECT_EQ(*accounts_.RevealMobile(p, created->user.id), "13800138000");
  EXPECT_EQ(AuditCount("pii.view"), 1);
  auto bad =
      accounts_.CreateUser(nullptr, {"jay", "J", {"town_staff"}, "341302100", "1234", kPw, false});
  EXPECT_EQ(bad.error().field, "mobile");
}

TEST_F(AccountTest, DisabledUsersCannotLogIn) {
  Add("root", "system_admin", "341302");
  UserId k = Add("kim", "town_staff", "341302100");
  auto session = accounts_.Login("kim", kPw, "ip");
  ASSERT_TRUE(accounts_.SetStatus(LoginAs("root"), k, false).ok());
  EXPECT_FALSE(accounts_.Authenticate(session->token, "ip").ok());
  EXPECT_EQ(accounts_.Login("kim", kPw, "ip").error().code, ErrorCode::kForbidden);
}

TEST_F(AccountTest, UserLabelsNameEachKnownIdOnce) {
  auto created = accounts_.CreateUser(
      nullptr, {"lan", "兰晓", {"town_staff"}, "341302100", std::nullopt, kPw, false});
  ASSERT_TRUE(created.ok());
  UserId other = Add("moe", "county_staff", "341302");
  int64_t lan = created->user.id.value;
  // Duplicates, and 1,200 unknown ids so that the look-up spans three statements (500 each).
  std::vector<int64_t> ids = {lan, lan};
  for (int64_t u = 100000; u < 101200; ++u) ids.push_back(u);
  ids.push_back(other.value);
  ids.push_back(999999);
  auto c = tdb_.db().Acquire();
  auto labels = UserLabels(*c, ids);
  ASSERT_TRUE(labels.ok()) << labels.error().message;
  ASSERT_EQ(labels->size(), 2u);
  EXPECT_EQ(labels->at(lan).username, "lan");
  EXPECT_EQ(labels->at(lan).display_name, "兰晓");
  EXPECT_EQ(labels->at(other.value).display_name, "moe");
  EXPECT_EQ(labels->count(999999), 0u);
  EXPECT_TRUE(UserLabels(*c, {})->empty());
}

// 三员分立 (issue 15 item 3): only the security admin resets, unlocks, disables, edits or changes
// the roles of an account holding an admin role; removing an admin role counts like granting.
TEST_F(AccountTest, OnlyTheSecurityAdminManagesAdminAccounts) {
  Add("sys", "system_admin", "341302");
  UserId sec = Add("sec", "security_admin", "341302");
  UserId aud = Add("aud", "audit_admin", "341302");
  UserId staff = Add("hal", "county_staff", "341302");
  Principal psys = LoginAs("sys");
  Principal psec = LoginAs("sec");
  for (UserId admin : {sec, aud}) {
    EXPECT_EQ(accounts_.ResetPassword(psys, admin).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(accounts_.SetStatus(psys, admin, false).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(accounts_.UpdateUser(psys, admin, {.roles = std::vector<std::string>{"auditor"}})
                  .error()
                  .code,
              ErrorCode::kForbidden);  // removing the admin role is like granting one
    EXPECT_EQ(accounts_.UpdateUser(psys, admin, {.region_code = "341302100"}).error().code,
              ErrorCode::kForbidden);
  }
  // The system admin's reset never produced a password: the audit admin still logs in with hers.
  EXPECT_TRUE(accounts_.Login("aud", kPw, "ip").ok());
  // The security admin does all of it on admin accounts...
  auto reset = accounts_.ResetPassword(psec, aud);
  ASSERT_TRUE(reset.ok()) << reset.error().message;
  EXPECT_TRUE(accounts_.SetStatus(psec, aud, false).ok());
  EXPECT_TRUE(accounts_.Unlock(psec, aud).ok());
  // ...but not on business accounts: those are the system admin's.
  EXPECT_EQ(accounts_.ResetPassword(psec, staff).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(accounts_.SetStatus(psec, staff, false).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(accounts_.ResetPassword(psys, staff).ok());
  EXPECT_TRUE(accounts_.Unlock(psec, staff).ok());
}

TEST_F(AccountTest, AdminRolesAreNotCombinedWithBusinessRoles) {
  auto mixed = accounts_.CreateUser(
      nullptr, {"mix", "Mix", {"audit_admin", "town_staff"}, "341302", {}, kPw, false});
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().field, "roles");
  Add("sec", "security_admin", "341302");
  UserId staff = Add("hal", "county_staff", "341302");
  auto grant = accounts_.UpdateUser(
      LoginAs("sec"), staff, {.roles = std::vector<std::string>{"audit_admin", "county_staff"}});
  ASSERT_FALSE(grant.ok());
  EXPECT_EQ(grant.error().field, "roles");
}

// Whoever knew a business account's password (the system admin saw its one-time password) cannot
// use it once the security admin makes the account an administrator.
TEST_F(AccountTest, PromotionToAdminInvalidatesTheKnownPassword) {
  Add("sys", "system_admin", "341302");
  Add("sec", "security_admin", "341302");
  Principal psys = LoginAs("sys");
  auto created = accounts_.CreateUser(&psys, {"newaud", "N", {"county_staff"}, "341302"});
  ASSERT_TRUE(created.ok());
  auto early = accounts_.Login("newaud", created->initial_password, "ip");
  ASSERT_TRUE(early.ok());
  Principal psec = LoginAs("sec");
  auto promoted = accounts_.UpdateUser(psec, created->user.id,
                                       {.roles = std::vector<std::string>{"audit_admin"}});
  ASSERT_TRUE(promoted.ok()) << promoted.error().message;
  EXPECT_TRUE(promoted->must_change_password);
  EXPECT_FALSE(accounts_.Authenticate(early->token, "ip").ok());
  EXPECT_FALSE(accounts_.Login("newaud", created->initial_password, "ip").ok());
  auto issued = accounts_.ResetPassword(psec, created->user.id);
  ASSERT_TRUE(issued.ok());
  EXPECT_TRUE(accounts_.Login("newaud", *issued, "ip").ok());
}

// Issue 15 item 19.
TEST_F(AccountTest, PasswordPolicyIgnoresCaseAndRefusesControls) {
  PasswordPolicy p;
  EXPECT_FALSE(CheckPassword(p, "zhangsan", "ZhangSan-2026!").ok());
  EXPECT_FALSE(CheckPassword(p, "zhangsan", "xx-ZHANGSAN-99x").ok());
  EXPECT_FALSE(CheckPassword(p, "xyz", std::string("Sturdy-Pass\0w0rd!", 17)).ok());
  EXPECT_FALSE(CheckPassword(p, "xyz", "Sturdy-Pass\tw0rd!").ok());
  EXPECT_FALSE(CheckPassword(p, "xyz", "Sturdy-Pass\x1B[0mw0rd!").ok());
  EXPECT_FALSE(CheckPassword(p, "xyz",
                             "Sturdy-Pass\xE2\x80\xAE"
                             "w0rd!")
                   .ok());
  EXPECT_TRUE(CheckPassword(p, "xyz", "Sturdy Pass w0rd 中文").ok());
}

TEST_F(AccountTest, OneTimePasswordsHaveNoFixedPart) {
  PasswordPolicy strict;
  strict.require_classes = 4;
  std::set<std::string> suffixes, prefixes;
  for (int i = 0; i < 40; ++i) {
    std::string pw = internal::GeneratePassword(strict);
    EXPECT_TRUE(CheckPassword(strict, "someone", pw).ok()) << pw;
    suffixes.insert(pw.substr(pw.size() - 2));
    prefixes.insert(pw.substr(0, 2));
  }
  EXPECT_GT(suffixes.size(), 30u);
  EXPECT_GT(prefixes.size(), 30u);
  strict.min_length = 20;
  EXPECT_EQ(internal::GeneratePassword(strict).size(), 20u);
}

// Issue 15 item 13: a wrong guess locks the (username, address) pair, so one address cannot
// lock an account out for everyone; the address has its own budget over all usernames.
TEST_F(AccountTest, LockoutIsPerAddressAndAddressesHaveABudget) {
  Add("sysadmin", "system_admin", "341302");
  for (int i = 0; i < kMaxFailures; ++i)
    (void)accounts_.Login("sysadmin", "nope-nope-nope", "6.6.6.6");
  EXPECT_EQ(accounts_.Login("sysadmin", kPw, "6.6.6.6").error().code, ErrorCode::kLocked);
  EXPECT_TRUE(accounts_.Login("sysadmin", kPw, "10.0.0.8").ok());  // the real admin elsewhere
  // Spraying: one wrong guess each for many usernames from one address.
  for (int i = 0; i < internal::kMaxFailuresPerAddress - kMaxFailures; ++i)
    (void)accounts_.Login("user" + std::to_string(i), "Spring2026!", "7.7.7.7");
  for (int i = 0; i < kMaxFailures; ++i) (void)accounts_.Login("ghost", "Spring2026!", "7.7.7.7");
  auto blocked = accounts_.Login("sysadmin", kPw, "7.7.7.7");  // even the right password
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::kLocked);
  EXPECT_NE(blocked.error().message.find("地址"), std::string::npos);
  EXPECT_TRUE(accounts_.Login("sysadmin", kPw, "10.0.0.8").ok());
  clock_.Advance(kLockoutMs + 1000);
  EXPECT_TRUE(accounts_.Login("sysadmin", kPw, "7.7.7.7").ok());
}

TEST_F(AccountTest, ManyAddressesTogetherLockTheUsername) {
  Add("bob", "town_staff", "341302100");
  for (int i = 0; i < internal::kMaxFailuresPerUser; ++i)
    (void)accounts_.Login("bob", "nope-nope-nope", "8.8.8." + std::to_string(i % 6));
  EXPECT_EQ(accounts_.Login("bob", kPw, "9.9.9.9").error().code, ErrorCode::kLocked);
}

TEST_F(AccountTest, UnlockLiftsTheLockFromEveryAddress) {
  Add("sec", "security_admin", "341302");
  UserId bob = Add("bob", "town_staff", "341302100");
  for (int i = 0; i < kMaxFailures; ++i) (void)accounts_.Login("bob", "nope-nope-nope", "1.1.1.1");
  auto listed = accounts_.GetUser(LoginAs("sec"), bob);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->locked_until.has_value());
  ASSERT_TRUE(accounts_.Unlock(LoginAs("sec"), bob).ok());
  EXPECT_TRUE(accounts_.Login("bob", kPw, "1.1.1.1").ok());
}

// Issue 15 item 12: a stolen session cannot brute-force the real password through the
// password change; the failure that locks ends every session of the user.
TEST_F(AccountTest, WrongOldPasswordsLockAndEndTheSessions) {
  Add("erin", "county_staff", "341302");
  auto stolen = accounts_.Login("erin", kPw, "5.5.5.5");
  auto own = accounts_.Login("erin", kPw, "10.0.0.9");
  ASSERT_TRUE(stolen.ok() && own.ok());
  for (int i = 0; i < kMaxFailures - 1; ++i) {
    auto r =
        accounts_.ChangePassword(stolen->principal, "guess-" + std::to_string(i), "New-Passw0rd!!");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "old_password");
  }
  auto last = accounts_.ChangePassword(stolen->principal, "guess-last", "New-Passw0rd!!");
  ASSERT_FALSE(last.ok());
  EXPECT_EQ(last.error().code, ErrorCode::kLocked);
  EXPECT_FALSE(accounts_.Authenticate(stolen->token, "5.5.5.5").ok());
  EXPECT_FALSE(accounts_.Authenticate(own->token, "10.0.0.9").ok());
  // Further guesses are refused unchecked, even the right one.
  EXPECT_EQ(accounts_.ChangePassword(stolen->principal, kPw, "New-Passw0rd!!").error().code,
            ErrorCode::kLocked);
  EXPECT_EQ(accounts_.Login("erin", kPw, "5.5.5.5").error().code, ErrorCode::kLocked);
  EXPECT_TRUE(accounts_.Login("erin", kPw, "10.0.0.9").ok());
}

}  // namespace
}  // namespace ruralec::account

namespace ruralec::account {
namespace {

TEST(PrincipalScope, CanSeeItsSubtreeAndTheAreasAboveIt) {
  Principal county;
  county.region = *RegionCode::Parse("341302");
  struct Case {
    const char* code;
    bool in_scope, can_see;
  } cases[] = {
      {"341302", true, true},       // itself
      {"341302100", true, true},    // a town below
      {"3413", false, true},        // its city
      {"34", false, true},          // its province
      {"341321", false, false},     // a sibling county
      {"341321100", false, false},  // below a sibling
      {"35", false, false},         // another province
  };
  for (const auto& c : cases) {
    auto code = *RegionCode::Parse(c.code);
    EXPECT_EQ(county.InScope(code), c.in_scope) << c.code;
    EXPECT_EQ(county.CanSee(code), c.can_see) << c.code;
    EXPECT_EQ(county.CanSee(std::string_view(c.code)), c.can_see) << c.code;
  }
  EXPECT_FALSE(county.CanSee(std::string_view("")));
  EXPECT_FALSE(county.CanSee(std::string_view("34x")));
}

// Issue 15 item 4: a bound role's user is made with its object and acts for it alone.
class BindingTest : public AccountTest {
 protected:
  void SetUp() override {
    AccountTest::SetUp();
    // Object 7 lies in 符离镇 (341302100); any other id does not exist.
    auto check = [](storage::Connection&, const RegionCode& region, int64_t id) -> Status {
      if (id != 7) return Error::Invalid("binding", "no such object");
      if (!region.Contains(*RegionCode::Parse("341302100")))
        return Error::Invalid("binding", "out");
      return {};
    };
    ASSERT_TRUE(InstallBindings({{"entity", "entity", check}}).ok());
  }
  void TearDown() override { ASSERT_TRUE(InstallBindings({}).ok()); }
  Result<CreatedUser> Create(const Principal* who, std::vector<std::string> roles,
                             std::string region, std::optional<Binding> b) {
    NewUser nu{"shop" + std::to_string(++n_),
               "",
               std::move(roles),
               std::move(region),
               std::nullopt,
               kPw,
               false};
    nu.binding = b;
    return accounts_.CreateUser(who, nu);
  }
  int n_ = 0;
};

TEST_F(BindingTest, ABoundRoleNeedsItsObjectAndNoOtherRoleHasOne) {
  const Binding seven{"entity", 7};
  struct Case {
    std::vector<std::string> roles;
    std::string region;
    std::optional<Binding> binding;
    std::string field;  // "" = created
  };
  const std::vector<Case> cases = {
      {{"entity"}, "341302100", seven, ""},
      {{"entity"}, "341302100", std::nullopt, "binding"},
      {{"entity"}, "341302100", Binding{"station", 7}, "binding"},
      {{"entity"}, "341302100", Binding{"entity", 8}, "binding"},
      {{"entity"}, "341302101", seven, "binding"},  // the object is outside the user's region
      {{"town_staff"}, "341302100", seven, "binding"},
      {{"entity", "town_staff"}, "341302100", seven, "roles"},
  };
  for (const Case& c : cases) {
    auto r = Create(nullptr, c.roles, c.region, c.binding);
    if (c.field.empty()) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ(r->user.binding, seven);
      EXPECT_EQ(LoginAs(r->user.username).BoundTo("entity"), 7);
    } else {
      ASSERT_FALSE(r.ok()) << c.roles[0] << " " << c.region;
      EXPECT_EQ(r.error().field, c.field) << r.error().message;
    }
  }
}

TEST_F(BindingTest, TownStaffOpenBoundAccountsOnlyAndRolesStayFixed) {
  Add("town", "town_staff", "341302100");
  Principal town = LoginAs("town");
  auto made = Create(&town, {"entity"}, "341302100", Binding{"entity", 7});
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(Create(&town, {"town_staff"}, "341302100", std::nullopt).error().code,
            ErrorCode::kForbidden);
  Add("sys", "system_admin", "341302");
  Principal sys = LoginAs("sys");
  UserUpdate to_staff;
  to_staff.roles = std::vector<std::string>{"town_staff"};
  auto changed = accounts_.UpdateUser(sys, made->user.id, to_staff);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().field, "roles");
  Add("clerk", "town_staff", "341302100");
  UserUpdate to_entity;
  to_entity.roles = std::vector<std::string>{"entity"};
  EXPECT_FALSE(accounts_.UpdateUser(sys, LoginAs("clerk").id, to_entity).ok());
}

}  // namespace
}  // namespace ruralec::account
