#include "http/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <stdexcept>

#include "core/date.h"
#include "crypto/crypto.h"
#include "http/edge.h"
#include "http/static_files.h"

namespace ruralec::http {
namespace {

constexpr char kSessionCookie[] = "ruralec_session";
constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

thread_local std::chrono::steady_clock::time_point t_request_start;
thread_local std::string t_username;

bool IsWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

void WriteJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void WriteError(httplib::Response& res, const Error& e) {
  WriteJson(res, HttpStatus(e.code), ErrorBody(e));
  if (res.status == 503) res.set_header("Retry-After", std::to_string(kRetryAfterSeconds));
}

// Why a request body is refused before it is read (nullopt: read it). Content-Length over the
// limit is 413 at once; framings the limit or the handlers cannot follow are 400.
std::optional<Error> RefuseBody(const httplib::Request& req, size_t max_body) {
  bool chunked = req.has_header("Transfer-Encoding");
  if (chunked && req.get_header_value("Transfer-Encoding") != "chunked")
    return Error::Invalid("body", "不支持的 Transfer-Encoding（仅支持 chunked）");
  if (chunked && req.has_header("Content-Length"))
    return Error::Invalid("body", "请求不能同时带 Content-Length 和 Transfer-Encoding");
  std::string encoding = req.get_header_value("Content-Encoding");
  if (!encoding.empty() && encoding != "identity")
    return Error::Invalid("body", "不支持压缩的请求体（Content-Encoding）");
  if (!req.has_header("Content-Length")) return std::nullopt;
  std::string len = req.get_header_value("Content-Length");
  if (len.empty() || len.size() > 18 || len.find_first_not_of("0123456789") != std::string::npos)
    return Error::Invalid("body", "Content-Length 无效");
  if (std::stoull(len) > max_body) return Error{ErrorCode::kPayloadTooLarge, "请求体过大", "body"};
  return std::nullopt;
}

// The error for a request whose reading the edge cut short (see edge::ReadFailure).
std::optional<std::pair<int, Error>> ReadFailureError() {
  switch (edge::CurrentReadFailure()) {
    case edge::ReadFailure::kNone:
      return std::nullopt;
    case edge::ReadFailure::kBodyTooLarge:
      return std::pair(413, Error{ErrorCode::kPayloadTooLarge, "请求体过大", "body"});
    case edge::ReadFailure::kHeadersTooLarge:
      return std::pair(431, Error{ErrorCode::kInvalidArgument, "请求头过大", "headers"});
    case edge::ReadFailure::kHeaderTimeout:
    case edge::ReadFailure::kBodyTimeout:
      break;
  }
  return std::pair(408, Error{ErrorCode::kInvalidArgument, "请求超时", ""});
}

std::string SessionCookie(const std::string& token, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (token.empty()) c += "; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

// Answers a GET of the web console's files (http/static_files.h); false when there is none.
// The stored bytes go out through a sized content provider: the library compresses only plain
// bodies, so a file the build compressed is sent as it is, never compressed again.
bool ServeWebFile(const std::string& web, const httplib::Request& req, httplib::Response& res) {
  auto reply = ServeStatic(
      web,
      {req.path, req.get_header_value("Accept-Encoding"), req.get_header_value("If-None-Match")},
      /*fallback_index=*/true);
  if (!reply) return false;
  res.status = reply->status;
  for (const auto& [name, value] : reply->headers) res.set_header(name.c_str(), value);
  if (reply->status == 304) return true;
  std::shared_ptr<const std::string> body = reply->body;
  res.set_content_provider(body->size(), reply->content_type,
                           [body](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(body->data() + offset, length);
                           });
  return true;
}

// Whether a failed request of a signed-in caller is recorded as `access.denied`: every
// permission or scope denial (403, reads included), a CSRF refusal, and any refused reveal of
// personal data (a `/pii/` route's 404). Recorded here once for every route, so handlers do not
// audit these denials themselves.
bool AuditedDenial(const Error& e, bool pii_route) {
  return e.code == ErrorCode::kForbidden || e.code == ErrorCode::kCsrf ||
         (pii_route && e.code == ErrorCode::kNotFound);
}

}  // namespace

std::string LogSafe(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c == 0x7F) {
      escape(c);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // A whole UTF-8 sequence is copied unless it encodes a C1 control (U+0080..U+009F).
      size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
      bool valid = len > 0 && c < 0xF5 && i + len <= s.size();
      for (size_t k = 1; valid && k < len; ++k)
        valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      if (valid && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) valid = false;
      if (!valid) {
        escape(c);
        continue;
      }
      out.append(s.substr(i, len));
      i += len - 1;
    }
  }
  return out;
}

std::string Request::Match(size_t i) const {
  return i < raw_.matches.size() ? std::string(raw_.matches[i]) : "";
}
std::string Request::Query(const std::string& name) const { return raw_.get_param_value(name); }
std::map<std::string, std::string> Request::QueryParams() const {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : raw_.params) out.emplace(k, v);
  return out;
}
std::string Request::Header(const std::string& name) const { return raw_.get_header_value(name); }

Result<int64_t> Request::QueryInt(const std::string& name, int64_t fallback) const {
  std::string v = Query(name);
  if (v.empty()) return fallback;
  try {
    size_t used = 0;
    int64_t n = std::stoll(v, &used);
    if (used == v.size()) return n;
  } catch (...) {
  }
  return Error::Invalid(name, "应为整数");
}

Result<PageRequest> Request::Page() const {
  PageRequest p;
  ASSIGN_OR_RETURN(int64_t page, QueryInt("page", 1));
  ASSIGN_OR_RETURN(int64_t size, QueryInt("page_size", 20));
  if (page < 1 || page > 1'000'000) return Error::Invalid("page", "页码应为正整数");
  if (size < 1) return Error::Invalid("page_size", "每页条数应为正整数");
  p.page = static_cast<int>(page);
  p.page_size = static_cast<int>(std::min<int64_t>(size, PageRequest::kMaxPageSize));
  p.sort = Query("sort");
  std::string order = Query("order");
  if (!order.empty() && order != "asc" && order != "desc" && order != "ascending" &&
      order != "descending") {
    return Error::Invalid("order", "排序方向应为 asc 或 desc");
  }
  p.descending = order == "desc" || order == "descending";
  return p;
}

Result<Json> Request::Body() const {
  Json j = Json::parse(raw_.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error::Invalid("body", "请求体应为JSON对象");
  return j;
}

std::optional<Request::Part> Request::FormPart(const std::string& name) const {
  if (!raw_.is_multipart_form_data() || !raw_.has_file(name)) return std::nullopt;
  const auto& f = raw_.get_file_value(name);
  return Part{f.filename, f.content_type, f.content};
}

std::string ContentDisposition(const std::string& utf8_filename) {
  std::string ascii, encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (size_t i = 0; i < utf8_filename.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8_filename[i]);
    // RFC 5987 attr-char, ASCII only (std::isalnum would follow the locale).
    bool attr_char =
        (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (attr_char) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
    // One '_' per non-ASCII code point (skip UTF-8 continuation bytes), quotes and controls.
    if ((c & 0xC0) == 0x80) continue;
    ascii += c < 0x20 || c >= 0x7F || c == '"' || c == '\\' ? '_' : static_cast<char>(c);
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::string Request::Cookie(const std::string& name) const {
  std::string header = raw_.get_header_value("Cookie");
  std::string key = name + "=";
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    size_t end = header.find(';', pos);
    std::string part = header.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (part.rfind(key, 0) == 0) return part.substr(key.size());
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

Server::Server(ServerConfig config, account::Accounts& accounts, const audit::AuditLog& audit,
               storage::Database& db)
    : config_(std::move(config)),
      accounts_(accounts),
      audit_(audit),
      db_(db),
      svr_(std::make_unique<edge::EdgeServer>(config_)) {
  Install();
}

Server::~Server() = default;

void Server::Install() {
  // Runs after the headers, before the library reads any body.
  svr_->set_pre_routing_handler(
      [max = config_.max_body_bytes](const httplib::Request& req, httplib::Response& res) {
        edge::StartBody();
        t_request_start = std::chrono::steady_clock::now();
        t_username.clear();
        res.set_header("X-Request-Id", crypto::RandomToken(9));
        if (auto refusal = RefuseBody(req, max)) {
          edge::CloseAfterResponse();  // the body stays unread
          res.set_header("Connection", "close");
          WriteError(res, *refusal);
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  svr_->set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    // API answers are never cached, unless the handler said otherwise (http/cache.h).
    if (req.path.rfind("/api/", 0) == 0 && !res.has_header("Cache-Control"))
      res.set_header("Cache-Control", "no-store");
  });
  svr_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - t_request_start)
                  .count();
    spdlog::info("{} {} {} {} {}us ip={} user={}", LogSafe(res.get_header_value("X-Request-Id")),
                 LogSafe(req.method), LogSafe(req.path), res.status, us, LogSafe(req.remote_addr),
                 t_username.empty() ? "-" : LogSafe(t_username));
  });
  std::string web = config_.web_dir;
  httplib::Server::HandlerWithResponse on_error = [web](const httplib::Request& req,
                                                        httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    bool api = req.path.rfind("/api/", 0) == 0;
    // The console's files (and index.html for its client-side routes) where no route matched.
    if (res.status == 404 && !api && (req.method == "GET" || req.method == "HEAD") &&
        !web.empty() && ServeWebFile(web, req, res))
      return httplib::Server::HandlerResponse::Handled;
    if (auto failure = ReadFailureError()) {
      res.set_header("Connection", "close");
      WriteError(res, failure->second);
      res.status = failure->first;
    } else if (res.status == 413) {
      WriteError(res, {ErrorCode::kPayloadTooLarge, "请求体过大", "body"});
    } else if (res.status == 404) {
      WriteError(res, Error::NotFound("接口不存在: " + req.path));
    } else {
      WriteJson(res, res.status,
                Json{{"code", "http_" + std::to_string(res.status)},
                     {"message", "请求无效"},
                     {"field", ""}});
    }
    return httplib::Server::HandlerResponse::Handled;
  };
  svr_->set_error_handler(on_error);
  svr_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        spdlog::error("{} {} {} exception: {}", LogSafe(res.get_header_value("X-Request-Id")),
                      LogSafe(req.method), LogSafe(req.path), LogSafe(what));
        WriteError(res, Error::Internal("服务器内部错误，请联系管理员（请求号 " +
                                        res.get_header_value("X-Request-Id") + "）"));
      });
  svr_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    WriteJson(res, 200, Json{{"status", "ok"}});
  });
  svr_->Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    Status st = ready_ ? ready_() : Status();
    if (st.ok())
      WriteJson(res, 200, Json{{"status", "ready"}});
    else
      WriteError(res, {ErrorCode::kUnavailable, st.error().message, ""});
  });
}

void Server::Get(const std::string& p, Route r, Handler h) {
  Add("GET", p, std::move(r), std::move(h));
}
void Server::Post(const std::string& p, Route r, Handler h) {
  Add("POST", p, std::move(r), std::move(h));
}
void Server::Put(const std::string& p, Route r, Handler h) {
  Add("PUT", p, std::move(r), std::move(h));
}
void Server::Delete(const std::string& p, Route r, Handler h) {
  Add("DELETE", p, std::move(r), std::move(h));
}

void Server::Page(const std::string& p, Route r, Handler h) {
  if (p.rfind("/public/", 0) != 0 && p != "/robots.txt")
    throw std::logic_error("page route outside /public/: " + p);
  Add("GET", p, std::move(r), std::move(h), "");
}

void Server::Add(const std::string& method, const std::string& pattern, Route route, Handler h,
                 const std::string& base) {
  std::string full = base + pattern;
  routes_.push_back({method, pattern, route, registrar_, base});
  // Unmasked personal data is served only under `.../pii/...` (docs/API.md); such a route
  // answers 404 for an out-of-scope record (no existence oracle), which is still audited.
  bool pii = pattern.find("/pii/") != std::string::npos;
  auto fn = [this, route = std::move(route), h = std::move(h), pii](const httplib::Request& req,
                                                                    httplib::Response& res) {
    Dispatch(req, res, route, h, pii);
  };
  if (method == "GET")
    svr_->Get(full, fn);
  else if (method == "POST")
    svr_->Post(full, fn);
  else if (method == "PUT")
    svr_->Put(full, fn);
  else
    svr_->Delete(full, fn);
}

Status Server::Authorize(Request& req, const Route& route, const std::string& method) {
  if (!route.auth) return {};
  ASSIGN_OR_RETURN(account::Principal p,
                   accounts_.Authenticate(req.Cookie(kSessionCookie), req.ip()));
  t_username = p.username;
  if (IsWrite(method)) {
    std::string sent = req.Header("X-CSRF-Token");
    if (sent.empty() || sent.size() != p.csrf_token.size() || sent != p.csrf_token) {
      return Error{ErrorCode::kCsrf, "缺少或错误的CSRF令牌，请刷新页面后重试", ""};
    }
  }
  if (p.must_change_password && !route.during_password_change) {
    return Error{ErrorCode::kPasswordExpired, "请先修改口令", ""};
  }
  bool allowed = route.permission.empty() || p.Can(route.permission);
  req.set_principal(std::move(p));
  if (!allowed) return Error::Forbidden("您没有执行此操作的权限（" + route.permission + "）");
  return {};
}

void Server::Dispatch(const httplib::Request& raw, httplib::Response& res, const Route& route,
                      const Handler& h, bool pii_route) {
  std::string ip = raw.remote_addr;
  if (config_.trust_forwarded_for && raw.has_header("X-Forwarded-For")) {
    std::string xff = raw.get_header_value("X-Forwarded-For");
    ip = xff.substr(0, xff.find(','));
  }
  Request req(raw, res.get_header_value("X-Request-Id"), ip);
  Reply reply;
  Result<Json> out = [&]() -> Result<Json> {
    RETURN_IF_ERROR(Authorize(req, route, raw.method));
    return h(req, reply);
  }();
  if (!out.ok()) {
    Error e = out.take_error();
    if (e.code == ErrorCode::kInternal || !e.detail.empty()) {
      spdlog::error("{} {} {} {}: {} {}", req.id(), LogSafe(raw.method), LogSafe(raw.path),
                    ErrorCodeName(e.code), LogSafe(e.message), LogSafe(e.detail));
    }
    // What went wrong inside stays in the log: the client gets the request id to quote.
    if (e.code == ErrorCode::kInternal)
      e.message = "服务器内部错误，请联系管理员（请求号 " + req.id() + "）";
    if (req.authenticated() && AuditedDenial(e, pii_route)) {
      auto conn = db_.Acquire();
      (void)audit_.Append(*conn, {req.principal().ToActor(), "access.denied", "api",
                                  raw.method + " " + raw.path, audit::Outcome::kDenied, e.message});
    }
    // Clears the session cookie the request sent and was refused. A request that sent none
    // (still in flight from a page while the same browser signs in) must not answer with a
    // clearing header: arriving after the sign-in's, it would drop the new session.
    if ((e.code == ErrorCode::kSessionExpired || e.code == ErrorCode::kUnauthenticated) &&
        !req.Cookie(kSessionCookie).empty()) {
      res.set_header("Set-Cookie", SessionCookie("", config_.secure_cookies));
    }
    WriteError(res, e);
    return;
  }
  if (reply.set_session)
    res.set_header("Set-Cookie", SessionCookie(*reply.set_session, config_.secure_cookies));
  if (!reply.filename.empty()) {
    res.set_header("Content-Disposition", ContentDisposition(reply.filename));
  }
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (reply.status == 304) {  // not modified: headers only
    res.status = 304;
    return;
  }
  if (!reply.content_type.empty()) {
    res.status = reply.status;
    res.set_content(reply.raw_body, reply.content_type);
    return;
  }
  WriteJson(res, reply.status, *out);
}

Result<int> Server::Bind(const std::string& host, int port) {
  int bound = svr_->BindSocket(host, port);
  if (port == 0 && bound <= 0)
    return Error{ErrorCode::kUnavailable, "无法绑定端口: " + host, "listen"};
  if (bound <= 0) {
    return Error{ErrorCode::kUnavailable,
                 "无法监听 " + host + ":" + std::to_string(port) + "（端口被占用？）", "listen"};
  }
  return bound;
}

void Server::Run() { svr_->Serve(); }
void Server::Stop() { svr_->Stop(); }

Json PageJson(int64_t total, const PageRequest& p, Json items) {
  return Json{
      {"items", std::move(items)}, {"total", total}, {"page", p.page}, {"page_size", p.page_size}};
}

std::string TimeJson(int64_t ms) { return FormatUtc(ms); }

Json OptTimeJson(const std::optional<int64_t>& ms) {
  return ms ? Json(FormatUtc(*ms)) : Json(nullptr);
}

Result<std::string> RequiredString(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_string() || it->get<std::string>().empty()) {
    return Error::Invalid(field, "缺少必填字段 " + field);
  }
  return it->get<std::string>();
}

Result<std::optional<std::string>> OptionalString(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Error::Invalid(field, field + " 应为字符串");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::vector<std::string>> StringArray(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_array()) return Error::Invalid(field, field + " 应为字符串数组");
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) return Error::Invalid(field, field + " 应为字符串数组");
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace ruralec::http
