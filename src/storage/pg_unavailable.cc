// Placeholder until the PostgreSQL backend (issue 4) is built in: opening a postgresql:// URL
// fails with a clear error instead of a link error.
#include "storage/db.h"

namespace ruralec::storage {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size) {
  return Error{ErrorCode::kUnavailable, "此版本未包含PostgreSQL后端", "db"};
}

}  // namespace ruralec::storage
