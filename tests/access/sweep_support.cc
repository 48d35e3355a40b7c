#include "access/sweep_support.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>

#include "account/roles.h"
#include "app/modules.h"
#include "app/routes.h"
#include "calendar/cli/calendar_command.h"
#include "region/cli/regions_command.h"

namespace ruralec::accesstest {

Server::Server() = default;
Server::~Server() { Stop(); }

std::string Server::Start() {
  spdlog::set_level(spdlog::level::warn);
  setenv("RURALEC_REFDATA", (std::string(RURALEC_SOURCE_DIR) + "/node_modules").c_str(), 1);
  auto ctx = app::Open({scratch_.target(), (scratch_.dir() / "field.key").string()}, clock_);
  if (!ctx.ok()) return ctx.error().message;
  ctx_ = std::move(*ctx);
  if (auto r = region::ImportRegions(*ctx_, {"341302"}); !r.ok()) return r.error().message;
  if (auto r = calendar::ImportCalendar(*ctx_); !r.ok()) return r.error().message;
  http::ServerConfig config;
  config.web_dir = "";
  config.threads = 4;
  server_ = app::BuildServer(*ctx_, config);
  auto port = server_->Bind("127.0.0.1", 0);
  if (!port.ok()) return port.error().message;
  thread_ = std::thread([this] { server_->Run(); });
  env_ = {"127.0.0.1", *port, ctx_.get(), &clock_};
  env_.on_request = [this](const Exchange& x) {
    last_ = x;
    if (rec_) rec_->push_back({x, false});
  };
  script_ = std::make_unique<apitest::Script>(env_, "access");
  return "";
}

void Server::Stop() {
  if (!server_) return;
  server_->Stop();
  if (thread_.joinable()) thread_.join();
  script_.reset();
  server_.reset();  // before the database: handlers may own worker threads that use it
  ctx_.reset();
}

std::string Server::RunFixture(const std::string& path, std::vector<Recorded>* rec) {
  // Whether each request changed anything: a snapshot after each one, compared with the one
  // before (users made by `user` lines between requests count for the next request: harmless,
  // it only makes that request's replay be judged as a write).
  Snapshot prev = Take(db());
  rec_ = rec;
  env_.on_request = [this, &prev](const Exchange& x) {
    last_ = x;
    Snapshot now = Take(db());
    rec_->push_back({x, !Changes(db(), prev, now).empty()});
    prev = std::move(now);
    if (on_recorded) on_recorded(rec_->back());
  };
  env_.on_login = [this](const std::string&) {
    if (on_login) on_login();
  };
  std::string err = script_->RunFile(path);
  env_.on_login = nullptr;
  rec_ = nullptr;
  env_.on_request = [this](const Exchange& x) { last_ = x; };
  return err;
}

std::string Server::Run(const std::string& blocks) { return script_->RunText(blocks); }

std::string Server::Send(const std::string& user, const std::string& method,
                         const std::string& path, const std::string& body, Exchange* x) {
  std::string b = body;
  if (!b.empty() && b.back() != '\n') b += "\n";
  last_ = {};
  std::string err = Run("as " + user + "\n\n" + method + " " + path + "\n" + b + "expect any\n");
  *x = last_;
  return err;
}

Snapshot Take(storage::Database& db) {
  static const std::set<std::string> kVolatile = {"sessions", "auth_throttle", "audit_log",
                                                  "audit_head"};
  Snapshot s;
  auto conn = db.Acquire();
  auto tables = conn->Query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  if (!tables.ok()) return s;
  for (const auto& t : *tables) {
    std::string name = t.Text(0);
    if (kVolatile.count(name)) continue;
    auto rows = conn->Query("SELECT * FROM " + name);
    if (!rows.ok()) continue;
    size_t h = rows->size();
    for (const auto& r : *rows)
      for (size_t i = 0; i < r.size(); ++i)
        h = h * 1000003 ^ std::hash<std::string>()((r.IsNull(i) ? "\x01" : "") + r.Text(i));
    s.counts[name] = static_cast<int64_t>(rows->size());
    s.digests[name] = h;
  }
  auto head = conn->Query("SELECT seq FROM audit_head");
  if (head.ok() && !head->empty()) s.audit_seq = head->at(0).Int(0);
  return s;
}

std::string Changes(storage::Database& db, const Snapshot& before, const Snapshot& after,
                    const std::set<std::string>& allowed) {
  std::string out;
  for (const auto& [table, d] : after.digests) {
    if (allowed.count(table)) continue;
    auto it = before.digests.find(table);
    if (it != before.digests.end() && it->second == d) continue;
    int64_t was = before.counts.count(table) ? before.counts.at(table) : 0;
    out += "table " + table + " changed (rows " + std::to_string(was) + " → " +
           std::to_string(after.counts.at(table)) + "); ";
  }
  if (after.audit_seq != before.audit_seq) {
    auto conn = db.Acquire();
    auto rows = conn->Query(
        "SELECT action FROM audit_log WHERE seq > ? AND seq <= ? AND action <> 'access.denied'",
        {before.audit_seq, after.audit_seq});
    if (rows.ok())
      for (const auto& r : *rows) {
        std::string action = r.Text(0);
        bool import = action.size() > 7 && action.compare(action.size() - 7, 7, ".import") == 0;
        if (!(import && !allowed.empty())) out += "audited " + action + "; ";
      }
  }
  return out;
}

namespace {

std::vector<std::string> BusinessRoles() {
  std::vector<std::string> out;
  for (const auto& r : account::BuiltinRoles())
    if (!r.admin && !account::BindingOf(r.name)) out.push_back(r.name);
  return out;
}

std::set<std::string> PermsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& name : roles)
    if (const auto* r = account::FindRole(name))
      out.insert(r->permissions.begin(), r->permissions.end());
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

std::string Users::Setup() {
  std::map<std::string, std::vector<std::string>> sets = {{"sib_biz", BusinessRoles()}};
  std::map<std::string, std::string> bind;  // user → "bind=KIND:ID"
  for (const auto& r : account::BuiltinRoles()) {
    if (r.admin) sets["sib_" + r.name] = {r.name};
    const account::RoleBinding* b = account::BindingOf(r.name);
    if (!b) continue;
    std::string id = s_.Var("sibling_" + b->kind);
    if (id.empty()) continue;
    sets["sib_" + r.name] = {r.name};
    bind["sib_" + r.name] = " bind=" + b->kind + ":" + id;
  }
  std::string blocks;
  for (const auto& [user, roles] : sets) {
    blocks +=
        "user " + user + " " + Join(roles) + " 341302101" + bind[user] + "\nlogin " + user + "\n";
    sibling_perms_[user] = PermsOf(roles);
  }
  return s_.Run(blocks);
}

std::vector<std::string> Users::Siblings(const std::string& permission) const {
  std::vector<std::string> out;
  for (const auto& [user, perms] : sibling_perms_)
    if (permission.empty() || perms.count(permission)) out.push_back(user);
  return out;
}

std::string Users::WithoutPermission(const http::RouteEntry& e) {
  std::set<std::string> avoid;
  if (!e.route.permission.empty()) {
    avoid.insert(e.route.permission);
  } else {
    for (const runtime::Module* m : app::Modules())
      if (m->name == e.module)
        for (const auto& p : m->permissions) avoid.insert(p.name);
    if (avoid.empty()) return "";
  }
  std::vector<std::string> roles;
  for (const std::string& r : BusinessRoles()) {
    auto perms = PermsOf({r});
    if (std::none_of(avoid.begin(), avoid.end(), [&](const auto& p) { return perms.count(p); }))
      roles.push_back(r);
  }
  if (roles.empty()) return "";
  std::string key = Join(roles);
  if (auto it = by_roles_.find(key); it != by_roles_.end()) return it->second;
  std::string user = "np" + std::to_string(by_roles_.size() + 1);
  if (!s_.Run("user " + user + " " + key + " 341302100\nlogin " + user + "\n").empty()) return "";
  return by_roles_[key] = user;
}

}  // namespace ruralec::accesstest
