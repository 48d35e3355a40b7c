// The web console's files (issue 26 item 1): served from the build output with the compressed
// copies the build wrote beside each file (`x.js.br`, `x.js.gz`; web/scripts/precompress.mjs),
// so no request compresses anything, and with caching headers: hashed assets under /assets/ are
// `immutable` for a year, every other file (index.html above all) revalidates on each load
// (`no-cache` + a strong ETag per encoding, 304 when it matches).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ruralec::http {

struct StaticRequest {
  std::string path;             // decoded URL path, starting with '/'
  std::string accept_encoding;  // the request's Accept-Encoding ("" when absent)
  std::string if_none_match;    // the request's If-None-Match ("" when absent)
};

struct StaticReply {
  int status = 200;  // 200, or 304 (no body)
  std::string content_type;
  std::shared_ptr<const std::string> body;     // the bytes as stored (compressed when encoded)
  std::map<std::string, std::string> headers;  // Cache-Control, ETag, Last-Modified, Vary, …
};

// The reply for a GET of `req.path` under `root`; nullopt when no such file lies inside `root`
// (a path with `..`, a backslash or a NUL never does). "/" is index.html. `fallback_index`
// answers index.html for a missing path (the console's client-side routes).
std::optional<StaticReply> ServeStatic(const std::filesystem::path& root, const StaticRequest& req,
                                       bool fallback_index);

// Content type by extension ("application/octet-stream" when unknown).
std::string ContentTypeOf(const std::filesystem::path& file);

}  // namespace ruralec::http
