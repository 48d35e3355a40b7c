// Answers that clients and shared caches may keep (the public trace page): a strong ETag of the
// body, Cache-Control "public, max-age=N", and 304 without a body when the request's
// If-None-Match names the ETag. Every other API answer stays "no-store" (server.cc).
#pragma once

#include "http/server.h"

namespace ruralec::http {

// Sets `reply`'s caching headers for `body` and returns it; when the client already holds it,
// sets status 304 (the server then sends no body).
Json Cacheable(const Request& req, Reply& reply, Json body, int max_age_s);
// The same for a raw body already in `reply.raw_body` (a server-rendered page, stored bytes).
void CacheableRaw(const Request& req, Reply& reply, int max_age_s);

}  // namespace ruralec::http
