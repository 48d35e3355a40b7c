// HTTP ⇄ domain for the console's programme editor (docs/API.md "Programme editor"): the
// catalogue the forms offer, a stored version as a format-shaped tree, the checker run on a
// tree as the clerk types, saving a tree as a new programme or the next version, the version
// history and the item-by-item difference between two versions.
// A tree is written to canonical YAML (yaml_json.h) and checked exactly as an uploaded file,
// so the file stays the one stored form: export and re-import give the same version.
// Scope as for uploads: the programme region must be inside the caller's scope to save.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::programme::api {

void RegisterEditorRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                          const Clock& clock);

// POST /programmes with {"programme": tree}: a new programme from the form (its `id` unused).
Result<http::Json> CreateFromTree(storage::Database& db, const audit::AuditLog& audit,
                                  const Clock& clock, http::Request& req, http::Reply& reply);

}  // namespace ruralec::programme::api
