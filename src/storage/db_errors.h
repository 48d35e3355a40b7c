// Errors both database backends give in the same words (the client sees these; the database's
// own text goes to `detail`, the server log).
#pragma once

#include <string>

#include "core/result.h"

namespace ruralec::storage {

// A write refused for want of disk space (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full):
// kUnavailable (503) with a Chinese message. The transaction is rolled back whole; reads go on
// (issue 20 item 4, tests/crash/disk_full_test.sh).
Error DiskFull(std::string detail);

}  // namespace ruralec::storage
