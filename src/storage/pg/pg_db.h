// PostgreSQL backend on libpq: the same Connection contract as SQLite. `?` placeholders become
// $1..$n; statements are prepared once per connection; write transactions run SERIALIZABLE and
// a serialization failure surfaces as ErrorCode::kRetry so InTransaction() re-runs the unit.
#pragma once

#include <memory>
#include <string>

#include "storage/db.h"

namespace ruralec::storage::pg {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size);

// Rewrites `?` placeholders (outside quotes) to $1, $2, …
std::string NumberPlaceholders(std::string_view sql);

}  // namespace ruralec::storage::pg
