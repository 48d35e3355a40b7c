// SQLite backend: WAL, foreign keys on, busy timeout, synchronous=FULL, a pool of connections.
#pragma once

#include <memory>
#include <string>

#include "storage/db.h"

namespace ruralec::storage::sqlite {

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size);

}  // namespace ruralec::storage::sqlite
