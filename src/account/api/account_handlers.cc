#include "account/api/account_handlers.h"

#include "account/roles.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::account::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;
using http::Route;

Json PrincipalUserJson(Accounts& accounts, const Principal& p) {
  auto u = accounts.Self(p);
  User user = u.ok() ? *u : User{};
  user.must_change_password = p.must_change_password;
  Json j = UserJson(user, p.permissions);
  j["must_change_reason"] = p.must_change_reason;
  return j;
}

Result<UserId> PathUserId(const Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  return UserId{id};
}

// "binding": {"kind": "entity", "id": 12} (or absent / null).
Result<std::optional<Binding>> ParseBinding(const Json& b) {
  auto it = b.find("binding");
  if (it == b.end() || it->is_null()) return std::optional<Binding>();
  const Json& j = *it;
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string() || !j.contains("id") ||
      !j["id"].is_number_integer() || j["id"].get<int64_t>() <= 0)
    return Error::Invalid("binding", "绑定对象应为 {\"kind\": 类型, \"id\": 正整数}");
  return std::optional<Binding>(Binding{j["kind"].get<std::string>(), j["id"].get<int64_t>()});
}

Result<NewUser> ParseNewUser(const Json& b) {
  NewUser nu;
  ASSIGN_OR_RETURN(nu.username, http::RequiredString(b, "username"));
  ASSIGN_OR_RETURN(auto display, http::OptionalString(b, "display_name"));
  nu.display_name = display.value_or("");
  ASSIGN_OR_RETURN(nu.roles, http::StringArray(b, "roles"));
  ASSIGN_OR_RETURN(nu.region_code, http::RequiredString(b, "region_code"));
  ASSIGN_OR_RETURN(nu.mobile, http::OptionalString(b, "mobile"));
  ASSIGN_OR_RETURN(nu.binding, ParseBinding(b));
  return nu;
}

Result<UserUpdate> ParseUpdate(const Json& b) {
  UserUpdate u;
  ASSIGN_OR_RETURN(u.display_name, http::OptionalString(b, "display_name"));
  ASSIGN_OR_RETURN(u.region_code, http::OptionalString(b, "region_code"));
  ASSIGN_OR_RETURN(u.mobile, http::OptionalString(b, "mobile"));
  if (b.contains("roles")) {
    ASSIGN_OR_RETURN(auto roles, http::StringArray(b, "roles"));
    u.roles = roles;
  }
  return u;
}

Json PolicyJson(const PasswordPolicy& p) {
  return Json{{"min_length", p.min_length},
              {"require_classes", p.require_classes},
              {"max_age_days", p.max_age_days},
              {"history", p.history}};
}

void RegisterAuth(http::Server& s, Accounts& a) {
  s.Post("/auth/login", {.auth = false}, [&a](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json b, req.Body());
    ASSIGN_OR_RETURN(auto username, http::OptionalString(b, "username"));
    ASSIGN_OR_RETURN(auto password, http::OptionalString(b, "password"));
    ASSIGN_OR_RETURN(LoginResult r,
                     a.Login(username.value_or(""), password.value_or(""), req.ip()));
    reply.set_session = r.token;
    return Json{{"csrf_token", r.principal.csrf_token},
                {"must_change_password", r.principal.must_change_password},
                {"must_change_reason", r.principal.must_change_reason},
                {"user", PrincipalUserJson(a, r.principal)}};
  });
  Route any_session{.during_password_change = true};
  s.Post("/auth/logout", any_session, [&a](Request& req, Reply& reply) -> Result<Json> {
    RETURN_IF_ERROR(a.Logout(req.principal()));
    reply.set_session = "";
    return Json::object();
  });
  // Before signing in, too: the console's demo banner shows on the login page.
  s.Get("/site", {.auth = false}, [&a, &s](Request&, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto demo, a.DemoGeneratedOn());
    return Json{{"demo", demo.has_value()},
                {"demo_generated_on", demo ? Json(*demo) : Json(nullptr)},
                {"upload_limit_bytes", s.max_body_bytes()}};
  });
  s.Get("/auth/me", any_session, [&a](Request& req, Reply&) -> Result<Json> {
    return Json{{"user", PrincipalUserJson(a, req.principal())},
                {"csrf_token", req.principal().csrf_token}};
  });  // Any signed-in user (also one who must change the password) may read the rules a new
  // password has to meet.
  s.Get("/auth/password-policy", any_session, [&a](Request&, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PasswordPolicy p, a.GetPolicy());
    return PolicyJson(p);
  });

  s.Post("/auth/password", any_session, [&a](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json b, req.Body());
    ASSIGN_OR_RETURN(auto old_pw, http::RequiredString(b, "old_password"));
    ASSIGN_OR_RETURN(auto new_pw, http::RequiredString(b, "new_password"));
    ASSIGN_OR_RETURN(LoginResult r, a.ChangePassword(req.principal(), old_pw, new_pw));
    reply.set_session = r.token;
    return Json{{"csrf_token", r.principal.csrf_token},
                {"user", PrincipalUserJson(a, r.principal)}};
  });
  s.Get("/security/password-policy", {.permission = "security:policy:read"},
        [&a](Request&, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(PasswordPolicy p, a.GetPolicy());
          return PolicyJson(p);
        });
  s.Put("/security/password-policy", {.permission = "security:policy:edit"},
        [&a](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(Json b, req.Body());
          PasswordPolicy p;
          for (auto [key, dst] : {std::pair{"min_length", &p.min_length},
                                  {"require_classes", &p.require_classes},
                                  {"max_age_days", &p.max_age_days},
                                  {"history", &p.history}}) {
            if (!b.contains(key) || !b[key].is_number_integer())
              return Error::Invalid(key, std::string(key) + " 应为整数");
            *dst = b[key].get<int>();
          }
          RETURN_IF_ERROR(a.SetPolicy(req.principal(), p));
          return PolicyJson(p);
        });
}

void RegisterUsers(http::Server& s, Accounts& a) {
  s.Get("/users", {.permission = "user:read"}, [&a](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    UserFilter f{req.Query("q"), req.Query("role"), req.Query("region_code"), req.Query("status")};
    ASSIGN_OR_RETURN(auto users, a.ListUsers(req.principal(), f, page));
    return http::PageJson(users, page, [](const User& u) { return UserJson(u, {}); });
  });
  // user:create, or user:create:bound for an account of one bound role: CreateUser decides.
  s.Post("/users", {}, [&a](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json b, req.Body());
    ASSIGN_OR_RETURN(NewUser nu, ParseNewUser(b));
    ASSIGN_OR_RETURN(CreatedUser c, a.CreateUser(&req.principal(), nu));
    reply.status = 201;
    return Json{{"user", UserJson(c.user, {})}, {"initial_password", c.initial_password}};
  });
  s.Get(R"(/users/(\d+))", {.permission = "user:read"}, [&a](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(UserId id, PathUserId(req));
    ASSIGN_OR_RETURN(User u, a.GetUser(req.principal(), id));
    return UserJson(u, {});
  });
  s.Put(R"(/users/(\d+))", {.permission = "user:read"}, [&a](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(UserId id, PathUserId(req));
    ASSIGN_OR_RETURN(Json b, req.Body());
    ASSIGN_OR_RETURN(UserUpdate upd, ParseUpdate(b));
    ASSIGN_OR_RETURN(User u, a.UpdateUser(req.principal(), id, upd));
    return UserJson(u, {});
  });
  s.Post(R"(/users/(\d+)/(disable|enable))", {.permission = "user:disable"},
         [&a](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(UserId id, PathUserId(req));
           ASSIGN_OR_RETURN(User u, a.SetStatus(req.principal(), id, req.Match(2) == "enable"));
           return UserJson(u, {});
         });
  s.Post(R"(/users/(\d+)/reset-password)", {.permission = "user:reset_password"},
         [&a](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(UserId id, PathUserId(req));
           ASSIGN_OR_RETURN(std::string pw, a.ResetPassword(req.principal(), id));
           return Json{{"initial_password", pw}};
         });
  s.Post(R"(/users/(\d+)/unlock)", {.permission = "user:unlock"},
         [&a](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(UserId id, PathUserId(req));
           ASSIGN_OR_RETURN(User u, a.Unlock(req.principal(), id));
           return UserJson(u, {});
         });
  s.Get(R"(/users/(\d+)/pii/mobile)", {.permission = "user:read"},
        [&a](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(UserId id, PathUserId(req));
          ASSIGN_OR_RETURN(std::string m, a.RevealMobile(req.principal(), id));
          return Json{{"mobile", m}};
        });
  s.Get("/roles", {.permission = "role:read"}, [](Request&, Reply&) -> Result<Json> {
    Json out = Json::array();
    for (const auto& r : BuiltinRoles()) {
      out.push_back({{"name", r.name},
                     {"label", r.label},
                     {"admin", r.admin},
                     {"permissions", r.permissions}});
    }
    return out;
  });
}

}  // namespace

Json UserJson(const User& u, const std::set<std::string>& permissions) {
  Json j{{"id", u.id.value},
         {"username", u.username},
         {"display_name", u.display_name},
         {"region_code", u.region.str()},
         {"region_name", u.region_name},
         {"region_level", RegionLevelName(u.region.level())},
         {"roles", u.roles},
         {"status", u.status},
         {"must_change_password", u.must_change_password},
         {"mobile_masked", u.mobile_masked ? Json(*u.mobile_masked) : Json(nullptr)},
         {"locked_until", http::OptTimeJson(u.locked_until)},
         {"last_login_at", http::OptTimeJson(u.last_login_at)},
         {"previous_login_at", http::OptTimeJson(u.previous_login_at)},
         {"created_at", u.created_at ? Json(http::TimeJson(u.created_at)) : Json(nullptr)}};
  j["binding"] = u.binding ? Json{{"kind", u.binding->kind}, {"id", u.binding->id}} : Json(nullptr);
  if (!permissions.empty()) j["permissions"] = permissions;
  return j;
}

void RegisterRoutes(http::Server& server, Accounts& accounts) {
  RegisterAuth(server, accounts);
  RegisterUsers(server, accounts);
}

}  // namespace ruralec::account::api
