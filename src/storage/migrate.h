// Numbered SQL migrations (schema/migrations/NNNN_name.sql, embedded at build time) applied in
// order at start; schema_version records each one. Applying is idempotent and each migration
// runs in its own transaction, so a crash leaves the schema at a whole version.
#pragma once

#include <string>
#include <vector>

#include "storage/db.h"

namespace ruralec::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // may contain {{ID}} and "-- dialect:" lines (RenderSql)
};

const std::vector<Migration>& EmbeddedMigrations();

// Replaces dialect tokens for `dialect` ("sqlite" | "postgresql") and keeps only the lines meant
// for it: after a line "-- dialect: sqlite" (or postgresql) the lines are for that backend only,
// up to a line "-- dialect: all" (for a change the two cannot write alike, e.g. dropping a CHECK).
std::string RenderSql(const std::string& sql, std::string_view dialect);

// Applies pending migrations; returns the resulting schema version.
Result<int> Migrate(Database& db, const std::vector<Migration>& migrations = EmbeddedMigrations());

// The version currently recorded (0 for an empty database).
Result<int> SchemaVersion(Connection& conn);

}  // namespace ruralec::storage
