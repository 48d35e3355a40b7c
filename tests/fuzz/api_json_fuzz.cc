// libFuzzer target: JSON request bodies through the whole server (routing, session and CSRF,
// permission, every handler's body reading) of an in-process app on a SQLite file with the
// 埇桥区 regions. An input is "METHOD /api/v1/PATH" on its first line and the body after it
// (seeds: the requests of tests/api/cases). Users: one holding every business role of the
// county, and the system administrator for /users and /roles paths. A 500 answer is a finding
// (a handler failed on input it should have refused with 400): the target aborts on it.
#include <httplib.h>

#include <iostream>

#include "access/sweep_support.h"
#include "account/roles.h"

using namespace ruralec;

namespace {

struct Session {
  std::string cookie, csrf;
};

accesstest::Server* g_server;
std::unique_ptr<httplib::Client> g_client;
Session g_biz, g_admin;

Session Login(const std::string& user) {
  http::Json body{{"username", user}, {"password", "Sturdy-Passw0rd!"}};
  auto res = g_client->Post("/api/v1/auth/login", body.dump(), "application/json");
  if (!res || res->status != 200) return {};  // disabled by an earlier input: 401 from now on
  std::string cookie = res->get_header_value("Set-Cookie");
  return {cookie.substr(0, cookie.find(';')),
          http::Json::parse(res->body)["csrf_token"].get<std::string>()};
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_server = new accesstest::Server();
  if (std::string err = g_server->Start(); !err.empty()) {
    std::cerr << err << "\n";
    std::abort();
  }
  std::string roles;
  for (const auto& r : account::BuiltinRoles())
    if (!r.admin && !account::BindingOf(r.name)) roles += (roles.empty() ? "" : ",") + r.name;
  if (std::string err =
          g_server->Run("user fzbiz " + roles + " 341302\nuser fzadmin system_admin 341302\n");
      !err.empty()) {
    std::cerr << "api_json_fuzz: setting up the users: " << err << "\n";
    std::abort();
  }
  // The port: the script's env is private, so bind a client to what the server reports.
  g_client = std::make_unique<httplib::Client>("127.0.0.1", g_server->port());
  g_client->set_keep_alive(true);
  g_biz = Login("fzbiz"), g_admin = Login("fzadmin");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string line = in.substr(0, nl), body = nl == std::string::npos ? "" : in.substr(nl + 1);
  size_t sp = line.find(' ');
  if (sp == std::string::npos) return 0;
  std::string method = line.substr(0, sp), path = line.substr(sp + 1);
  if (path.rfind("/api/v1/", 0) != 0 || path.find_first_of(" \r\t") != std::string::npos) return 0;
  if (path.rfind("/api/v1/auth/", 0) == 0) return 0;  // a sign-out would end the session
  const Session& s =
      path.find("/users") != std::string::npos || path.find("/roles") != std::string::npos ? g_admin
                                                                                           : g_biz;
  httplib::Headers h = {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
  if (method != "POST" && method != "PUT" && method != "DELETE") return 0;
  // cpp-httplib 0.11's Result has no default constructor.
  httplib::Result res = method == "POST"  ? g_client->Post(path, h, body, "application/json")
                        : method == "PUT" ? g_client->Put(path, h, body, "application/json")
                                          : g_client->Delete(path, h, body, "application/json");
  if (res && res->status == 401) g_biz = Login("fzbiz"), g_admin = Login("fzadmin");
  if (res && res->status == 500) {
    std::cerr << method << " " << path << " → 500: " << res->body << "\n";
    std::abort();
  }
  return 0;
}
