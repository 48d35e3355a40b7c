// HTTP routes of 系统管理 (docs/API.md "Dictionaries" and "County parameters"):
//   GET  /dicts                          every dictionary of the modules (paged; settings:read)
//   GET  /dicts/{name}/entries           built-in + the caller's county's entries (paged)
//   POST /dicts/{name}/entries           add a county entry (the dictionary's permission)
//   PUT  /dicts/{name}/entries/{value}   {"disabled": bool}: disable / enable a county entry
//   GET  /settings/params                every declared parameter with the county's value
//   PUT  /settings/params                {"values": {name: value}}: all or nothing
// Writes: the caller's own county (a county-level account); audited with old → new.
#pragma once

#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::settings::api {

void RegisterRoutes(http::Server& s, runtime::Context& ctx);

}  // namespace ruralec::settings::api
