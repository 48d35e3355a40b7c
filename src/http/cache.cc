#include "http/cache.h"

#include "crypto/crypto.h"

namespace ruralec::http {
namespace {

// Whether If-None-Match (a list of entity tags, or "*") names `etag`; GET compares weakly.
bool Names(const std::string& if_none_match, const std::string& etag) {
  size_t pos = 0;
  while (pos < if_none_match.size()) {
    size_t end = if_none_match.find(',', pos);
    if (end == std::string::npos) end = if_none_match.size();
    std::string tag = if_none_match.substr(pos, end - pos);
    size_t a = tag.find_first_not_of(" \t"), b = tag.find_last_not_of(" \t");
    tag = a == std::string::npos ? "" : tag.substr(a, b - a + 1);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
    if (tag == "*" || tag == etag) return true;
    pos = end + 1;
  }
  return false;
}

void Mark(const Request& req, Reply& reply, const std::string& bytes, int max_age_s) {
  std::string etag = "\"" + crypto::Sha256Hex(bytes).substr(0, 32) + "\"";
  reply.headers.emplace_back("ETag", etag);
  reply.headers.emplace_back("Cache-Control", "public, max-age=" + std::to_string(max_age_s));
  if (Names(req.Header("If-None-Match"), etag)) reply.status = 304;
}

}  // namespace

Json Cacheable(const Request& req, Reply& reply, Json body, int max_age_s) {
  Mark(req, reply, body.dump(), max_age_s);
  return body;
}

void CacheableRaw(const Request& req, Reply& reply, int max_age_s) {
  Mark(req, reply, reply.raw_body, max_age_s);
}

}  // namespace ruralec::http
