// The HTTP edge: routes under /api/v1 mapping HTTP ⇄ domain, one error shape, sessions and
// CSRF, request ids and the access log, security headers, body limits, static web console.
// Handlers return Result<Json>; an Error becomes {"code","message","field"} with the status
// chosen in exactly one place (HttpStatus in error_map.cc).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace ruralec::http {
namespace edge {
class EdgeServer;
}

using Json = nlohmann::json;

int HttpStatus(ErrorCode code);
Json ErrorBody(const Error& e);

// Seconds a 503 asks the client to wait (Retry-After): busy database, full queue, busy edge.
inline constexpr int kRetryAfterSeconds = 2;

// Limits of the HTTP edge; http/edge.h explains how they are enforced. Tests set them small.
struct ServerConfig {
  std::string web_dir = "web/dist";  // static files of the web console ("" = none)
  // Larger bodies get 413, however they are framed: Content-Length is checked before reading,
  // a chunked body (counted on the wire, chunk framing included) when it passes the limit.
  size_t max_body_bytes = 8 << 20;
  bool secure_cookies = false;       // add Secure (behind a TLS-terminating proxy)
  bool trust_forwarded_for = false;  // take the client IP from X-Forwarded-For
  int threads = 64;                  // workers; only a connection whose headers are in holds one
  size_t queue_size = 256;           // readable connections waiting for a worker; more get 503
  // Per peer address (0 = no cap): open connections (more get 503) and requests queued or
  // served at once (more wait). Not applied with trust_forwarded_for nor to 127.0.0.1 / ::1:
  // the peer is then a reverse proxy, which must limit its clients itself.
  int max_connections_per_ip = 32;
  int max_workers_per_ip = 16;
  int header_timeout_ms = 10'000;      // request line + headers, from their first byte
  int keep_alive_timeout_ms = 5'000;   // idle wait for the first / next request
  int keep_alive_max_requests = 1000;  // requests per connection
  int read_timeout_ms = 15'000;        // longest silence while a body arrives
  int body_timeout_ms = 120'000;       // the whole body (8 MiB then needs >= 70 KB/s)
  int write_timeout_ms = 15'000;       // longest stall while the client takes the response
};

// One API request as handlers see it.
class Request {
 public:
  Request(const httplib::Request& raw, std::string id, std::string ip)
      : raw_(raw), id_(std::move(id)), ip_(std::move(ip)) {}
  const std::string& id() const { return id_; }
  const std::string& ip() const { return ip_; }
  // i-th capture group of the route pattern (1-based).
  std::string Match(size_t i) const;
  std::string Query(const std::string& name) const;  // "" when absent
  // Every query parameter (the first value of each name), for reads whose parameters are open.
  std::map<std::string, std::string> QueryParams() const;
  Result<int64_t> QueryInt(const std::string& name, int64_t fallback) const;
  Result<PageRequest> Page() const;
  Result<Json> Body() const;  // parsed JSON object; kInvalidArgument field "body" otherwise
  // A part of a multipart/form-data body (file uploads and their plain fields); nullopt when
  // the request is not multipart or has no such part. The body limit applies to the whole.
  struct Part {
    std::string filename, content_type, content;
  };
  std::optional<Part> FormPart(const std::string& name) const;
  std::string Header(const std::string& name) const;
  std::string Cookie(const std::string& name) const;
  const account::Principal& principal() const { return *principal_; }
  bool authenticated() const { return principal_.has_value(); }
  void set_principal(account::Principal p) { principal_ = std::move(p); }

 private:
  const httplib::Request& raw_;
  std::string id_, ip_;
  std::optional<account::Principal> principal_;
};

// What a handler may add besides the JSON body.
struct Reply {
  int status = 200;
  std::optional<std::string> set_session;  // new session token ("" clears the cookie)
  std::string content_type;                // non-JSON body (exports)
  std::string raw_body;
  std::string filename;  // Content-Disposition attachment (UTF-8; sent per RFC 6266/5987)
  // More response headers (ETag, Cache-Control: http/cache.h). Status 304 sends no body.
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<Result<Json>(Request&, Reply&)>;

struct Route {
  bool auth = true;                     // requires a session
  std::string permission;               // required permission string ("" = any signed-in user)
  bool during_password_change = false;  // allowed while a password change is pending
};

// One entry of the route table, as registered: the access sweep (tests/access) walks it.
struct RouteEntry {
  std::string method;   // GET, POST, PUT, DELETE
  std::string pattern;  // the regex after `base`
  Route route;
  std::string module;  // the module whose manifest registered it ("" = the composition root)
  // "/api/v1" for the API; "" for a server-rendered page (Server::Page), whose pattern is the
  // whole path.
  std::string base = "/api/v1";
};

class Server {
 public:
  Server(ServerConfig config, account::Accounts& accounts, const audit::AuditLog& audit,
         storage::Database& db);
  ~Server();

  void Get(const std::string& pattern, Route route, Handler h);
  void Post(const std::string& pattern, Route route, Handler h);
  void Put(const std::string& pattern, Route route, Handler h);
  void Delete(const std::string& pattern, Route route, Handler h);
  // A GET outside /api/v1 answered by a handler (a server-rendered public page: `pattern` is the
  // whole path and must start with "/public/", or be "/robots.txt"; the handler sets
  // reply.content_type and raw_body). It takes precedence over the web console's files and
  // client-side routes.
  void Page(const std::string& pattern, Route route, Handler h);
  // The largest request body accepted (the console's upload dialogs promise this much).
  size_t max_body_bytes() const { return config_.max_body_bytes; }
  // Called by GET /readyz; the server answers 503 until it returns OK.
  void SetReadiness(std::function<Status()> check) { ready_ = std::move(check); }
  // Routes added from now on are attributed to `module` (set by the composition root).
  void SetRegistrar(std::string module) { registrar_ = std::move(module); }
  // Every API route added, in registration order.
  const std::vector<RouteEntry>& Routes() const { return routes_; }

  // Binds (port 0 = any free port) and returns the port.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); in-flight requests finish before it returns.
  void Run();
  void Stop();

 private:
  void Add(const std::string& method, const std::string& pattern, Route route, Handler h,
           const std::string& base = "/api/v1");
  void Dispatch(const httplib::Request& raw, httplib::Response& res, const Route& route,
                const Handler& h, bool pii_route);
  Status Authorize(Request& req, const Route& route, const std::string& method);
  void Install();

  ServerConfig config_;
  account::Accounts& accounts_;
  const audit::AuditLog& audit_;
  storage::Database& db_;
  std::function<Status()> ready_;
  std::unique_ptr<edge::EdgeServer> svr_;
  std::string registrar_;
  std::vector<RouteEntry> routes_;
};

// `s` with control characters (C0, DEL, C1, invalid UTF-8 bytes) and backslashes escaped as
// \xNN / \\, so a logged field cannot start a new log line or drive a terminal.
std::string LogSafe(std::string_view s);

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266/5987).
std::string ContentDisposition(const std::string& utf8_filename);

// JSON helpers shared by handlers.
Json PageJson(int64_t total, const PageRequest& p, Json items);
std::string TimeJson(int64_t ms);                    // ISO-8601 UTC
Json OptTimeJson(const std::optional<int64_t>& ms);  // null when absent
// Reads a required string field; kInvalidArgument naming it when missing or not a string.
Result<std::string> RequiredString(const Json& body, const std::string& field);
Result<std::optional<std::string>> OptionalString(const Json& body, const std::string& field);
Result<std::vector<std::string>> StringArray(const Json& body, const std::string& field);

}  // namespace ruralec::http
