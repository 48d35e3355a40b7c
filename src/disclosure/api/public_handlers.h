// The public portal's routes (no session; docs/API.md "Public disclosure", docs/DISCLOSURE.md):
// JSON under /api/v1/public/{county}/… — the index, a publication, its versions and its stored
// content bytes — and the same as server-rendered pages under /public/{county}/…; {county} is
// the county's 6 or 12 digits. Every answer is cacheable (ETag, 60 s) and every request counts
// against its address's limit (public.h Gate).
#pragma once

#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::disclosure::api {

void RegisterPublicRoutes(http::Server& s, storage::Database& db, const Clock& clock);

}  // namespace ruralec::disclosure::api
