// What other modules add to the entity routes, without entity depending on them: a member of
// the detail reply, and a reaction to an entity moving region. A module registers its extension
// from its manifest (ModuleDef), so a module absent from the binary adds nothing.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "core/types.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::entity::api {

struct Extension {
  // Adds members to GET /entities/{id} (`year`: the query's year, default this year).
  std::function<Status(storage::Connection&, int64_t entity_id, int year, http::Json& out)> detail;
  // Runs in the transaction of PUT /entities/{id} once the entity's region changed to `to`
  // (rows kept by region follow the entity); `now_ms` is the change's time.
  std::function<Status(storage::Connection&, int64_t entity_id, const RegionCode& to,
                       int64_t now_ms)>
      region_moved;
};

// Registers (or replaces) the extension of `module`.
void Extend(const std::string& module, Extension e);

// The registered extensions, by module name.
std::vector<Extension> Extensions();

}  // namespace ruralec::entity::api
